namespace RaidCommand.Server.Audit.History;

/// <summary>Which of an operation's events an auditor asks for. Every criterion is optional; together they narrow.</summary>
public sealed record HistoryFilter(
    IReadOnlyList<string> Types,
    Guid? SiteId = null,
    Guid? PersonId = null,
    Guid? TeamId = null,
    string? CityCode = null,
    DateTimeOffset? OccurredFrom = null,
    DateTimeOffset? OccurredTo = null,
    TimeSpan? LateBy = null);
