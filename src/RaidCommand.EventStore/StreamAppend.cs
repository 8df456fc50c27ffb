namespace RaidCommand.EventStore;

/// <summary>
/// Events for one stream, as part of an append that may span several streams atomically. With no events it is a
/// check: the stream is locked and verified against <paramref name="Expected"/> in the append's transaction, and
/// the append fails with <see cref="WrongExpectedVersionException"/> if it moved; nothing is written to it.
/// </summary>
public sealed record StreamAppend(string StreamId, ExpectedVersion Expected, IReadOnlyList<NewEvent> Events);
