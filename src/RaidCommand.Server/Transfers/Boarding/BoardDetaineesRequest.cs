namespace RaidCommand.Server.Transfers.Boarding;

/// <summary>Manifest persons who boarded (in one or several batches) and when.</summary>
public sealed record BoardDetaineesRequest(IReadOnlyList<Guid> PersonIds, DateTimeOffset? OccurredAt);
