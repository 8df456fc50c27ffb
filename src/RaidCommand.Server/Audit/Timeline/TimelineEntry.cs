namespace RaidCommand.Server.Audit.Timeline;

/// <summary>One event of an operation as an auditor reads it.</summary>
/// <param name="Position">The feed position ("tx-pos"); <paramref name="GlobalPosition"/> is the paging cursor.</param>
/// <param name="Late">Recorded more than the configured threshold after it says it happened.</param>
/// <param name="Corrects">For a correction: the event it voids.</param>
/// <param name="CorrectedBy">For a corrected fact: the correction that voided it.</param>
public sealed record TimelineEntry(
    string Position,
    long GlobalPosition,
    Guid EventId,
    string StreamId,
    long StreamVersion,
    string Type,
    string Description,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    bool Late,
    string? ActorId,
    string? ActorName,
    string? ActorRole,
    string? DeviceId,
    string? CommandId,
    string? CorrelationId,
    Guid? Corrects,
    Guid? CorrectedBy,
    object Data);

public sealed record TimelinePage(IReadOnlyList<TimelineEntry> Entries, long? NextAfter);
