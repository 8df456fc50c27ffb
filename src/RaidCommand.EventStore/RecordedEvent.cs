namespace RaidCommand.EventStore;

/// <summary>A stored event as readers see it, with its payload already upcast and deserialized.</summary>
public sealed record RecordedEvent(
    FeedPosition Position,
    string StreamId,
    long StreamVersion,
    Guid EventId,
    string EventType,
    int SchemaVersion,
    object Data,
    EventMetadata Metadata,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt)
{
    public long GlobalPosition => Position.GlobalPosition;
}
