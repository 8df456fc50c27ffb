namespace RaidCommand.EventStore.Projections;

/// <summary>What an operator needs to see about a projection.</summary>
/// <param name="Status">"running", or "dead-lettered" once an event could not be applied and was set aside.</param>
public sealed record ProjectionStatus(
    string Name,
    string Status,
    FeedPosition Checkpoint,
    long EventsApplied,
    string? Leader,
    string? LastError,
    long DeadLetters,
    DateTimeOffset UpdatedAt);

/// <summary>An event a projection could not apply; kept until the projection is rebuilt.</summary>
public sealed record DeadLetter(string Projection, FeedPosition Position, Guid EventId, string EventType, string Error, DateTimeOffset FailedAt);
