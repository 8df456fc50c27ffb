namespace RaidCommand.Server.Commands;

/// <summary>
/// What a command decided: new events per stream, each with the version the decision was made on.
/// The first change is the command's primary stream (the one an If-Match refers to).
/// </summary>
public sealed record Decision(IReadOnlyList<StreamChange> Changes)
{
    public static Decision For(string streamId, long decidedOnVersion, IReadOnlyList<object> events) =>
        new([new StreamChange(streamId, decidedOnVersion, events)]);

    public bool IsEmpty => Changes.All(c => c.Events.Count == 0);
}

/// <param name="DecidedOnVersion">The stream version the state was loaded at; the append expects exactly this.</param>
public sealed record StreamChange(string StreamId, long DecidedOnVersion, IReadOnlyList<object> Events);
