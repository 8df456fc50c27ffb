namespace RaidCommand.Server.Audit.Timeline;

/// <summary>One event of an operation as an auditor reads it.</summary>
/// <param name="Position">The feed position ("tx-pos"); <paramref name="GlobalPosition"/> is the paging cursor.</param>
/// <param name="OccurredAt">When the event says it happened, as stated: the record.</param>
/// <param name="EffectiveOccurredAt">When it counts from on the occurred clock of the as-of views: <paramref name="OccurredAt"/>, or
/// the moment its site, person or transfer entered the record if that is later (<see cref="AsOf.EffectiveOccurredTimes"/>).</param>
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
    DateTimeOffset EffectiveOccurredAt,
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
