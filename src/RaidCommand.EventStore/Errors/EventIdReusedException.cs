namespace RaidCommand.EventStore;

/// <summary>
/// Some, but not all, of a batch's event ids are already stored, or they are stored in another stream.
/// A genuine retry re-sends the whole batch to the same stream; anything else is a writer bug.
/// </summary>
public sealed class EventIdReusedException(string message) : Exception(message);
