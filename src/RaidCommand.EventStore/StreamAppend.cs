namespace RaidCommand.EventStore;

/// <summary>Events for one stream, as part of an append that may span several streams atomically.</summary>
public sealed record StreamAppend(string StreamId, ExpectedVersion Expected, IReadOnlyList<NewEvent> Events);
