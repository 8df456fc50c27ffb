using System.Text.Json.Nodes;

namespace RaidCommand.Server.Live;

/// <summary>One event as pushed to a live client (the hub's "events" message carries an array of these, in feed order).</summary>
public sealed record LiveEvent(
    string Position,
    Guid OperationId,
    string StreamId,
    long StreamVersion,
    string Type,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string? ActorId,
    string? ActorRole,
    string? DeviceId,
    JsonNode? Data);

/// <summary>Sent once per subscription when the replay from the log has reached the live tail.</summary>
public sealed record CaughtUp(Guid OperationId, string Position);

/// <summary>The answer to Subscribe.</summary>
public sealed record Subscribed(Guid OperationId, string SubscribedAt);
