namespace RaidCommand.EventStore;

/// <summary>An event on its way into a stream.</summary>
/// <param name="EventId">Chosen by the writer so that a retry is recognised: the store keeps each id once, forever.</param>
/// <param name="Data">The event record; its type must be registered in <see cref="EventTypeRegistry"/>.</param>
/// <param name="OccurredAt">When the person logging it says it happened; the store adds the recorded time itself.</param>
/// <param name="Metadata">Attribution and tracing.</param>
public sealed record NewEvent(Guid EventId, object Data, DateTimeOffset OccurredAt, EventMetadata Metadata)
{
    public NewEvent(object data, DateTimeOffset occurredAt, EventMetadata? metadata = null)
        : this(Guid.CreateVersion7(), data, occurredAt, metadata ?? EventMetadata.None)
    {
    }
}
