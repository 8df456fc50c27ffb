using RaidCommand.EventStore;

namespace RaidCommand.Server.Audit.History;

/// <summary>An event of an operation with the user name of the account that wrote it (null for the system).</summary>
public sealed record HistoryEntry(RecordedEvent Event, string? ActorName);
