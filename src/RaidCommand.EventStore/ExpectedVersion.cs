namespace RaidCommand.EventStore;

/// <summary>What the writer believes about a stream before appending: optimistic concurrency.</summary>
public readonly record struct ExpectedVersion
{
    private ExpectedVersion(long value) => Value = value;

    /// <summary>-1 any, 0 no stream yet, n &gt; 0 exactly n events; this encoding is what the append function takes.</summary>
    internal long Value { get; }

    /// <summary>Append whatever the stream holds.</summary>
    public static ExpectedVersion Any { get; } = new(-1);

    /// <summary>The stream must not exist yet.</summary>
    public static ExpectedVersion NoStream { get; } = new(0);

    /// <summary>The stream must hold exactly <paramref name="version"/> events.</summary>
    public static ExpectedVersion Exactly(long version) =>
        version >= 0 ? new ExpectedVersion(version) : throw new ArgumentOutOfRangeException(nameof(version), version, "A stream version is never negative.");

    public override string ToString() => Value switch
    {
        -1 => "any",
        0 => "no stream",
        _ => Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
