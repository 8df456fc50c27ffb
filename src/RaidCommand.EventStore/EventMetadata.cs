namespace RaidCommand.EventStore;

/// <summary>Who caused an event, from where, and as part of which request. Stored in columns, not in the payload.</summary>
public sealed record EventMetadata
{
    public static EventMetadata None { get; } = new();

    public string? ActorId { get; init; }
    public string? ActorRole { get; init; }
    public string? DeviceId { get; init; }
    public string? CorrelationId { get; init; }
    public string? CausationId { get; init; }
    public string? CommandId { get; init; }
}
