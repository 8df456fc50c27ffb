namespace RaidCommand.Server.Audit.History;

/// <summary>
/// The extent of an operation's record on both clocks, so a replay can offer exactly the instants where something
/// changes without reading the whole timeline first. The instants are null for an operation with no events.
/// </summary>
public sealed record TimelineSpan(
    long Events,
    DateTimeOffset? FirstOccurredAt,
    DateTimeOffset? LastOccurredAt,
    DateTimeOffset? FirstRecordedAt,
    DateTimeOffset? LastRecordedAt);
