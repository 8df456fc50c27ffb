namespace RaidCommand.EventStore;

/// <summary>An event's CLR type, or a stored event's type name, has no entry in the <see cref="EventTypeRegistry"/>.</summary>
public sealed class UnknownEventTypeException(string message) : Exception(message);
