using RaidCommand.EventStore;

namespace RaidCommand.Server.Commands;

/// <summary>The answer to a command: where its events landed. A retried command gets the original answer.</summary>
/// <param name="Replayed">True when this command id had been handled before and nothing new was written.</param>
/// <param name="Position">Feed position of the command's last event; a live view that has seen it shows the command's effect.</param>
public sealed record CommandOutcome(Guid CommandId, bool Replayed, IReadOnlyList<StreamVersion> Streams, string? Position)
{
    public static CommandOutcome From(Guid commandId, AppendResult result) => new(
        commandId,
        result.WasDuplicate,
        result.Events.GroupBy(e => e.StreamId).Select(g => new StreamVersion(g.Key, g.Max(e => e.StreamVersion))).ToList(),
        result.LastPosition.ToString());

    public static CommandOutcome FromEarlier(Guid commandId, IReadOnlyList<RecordedEvent> earlier) => new(
        commandId,
        true,
        earlier.GroupBy(e => e.StreamId).Select(g => new StreamVersion(g.Key, g.Max(e => e.StreamVersion))).ToList(),
        earlier.Max(e => e.Position).ToString());

    public static CommandOutcome NothingChanged(Guid commandId) => new(commandId, false, [], null);

    /// <summary>The primary stream's version after the command, for the ETag.</summary>
    public long? PrimaryVersion => Streams.Count > 0 ? Streams[0].Version : null;
}

public sealed record StreamVersion(string StreamId, long Version);
