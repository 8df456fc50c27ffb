namespace RaidCommand.EventStore;

/// <summary>How far into a stream to read when rebuilding its state: the whole of it, or as it stood at a point.</summary>
public abstract record StreamCut
{
    private StreamCut()
    {
    }

    /// <summary>Events up to and including this version.</summary>
    public static StreamCut AtVersion(long version) => new Version(version);

    /// <summary>What the store knew at this instant: events recorded at or before it.</summary>
    public static StreamCut RecordedBy(DateTimeOffset instant) => new Recorded(instant);

    /// <summary>What had happened by this instant, as the field stated it: events that occurred at or before it, whenever recorded.</summary>
    public static StreamCut OccurredBy(DateTimeOffset instant) => new Occurred(instant);

    internal sealed record Version(long Value) : StreamCut;

    internal sealed record Recorded(DateTimeOffset Instant) : StreamCut;

    internal sealed record Occurred(DateTimeOffset Instant) : StreamCut;
}
