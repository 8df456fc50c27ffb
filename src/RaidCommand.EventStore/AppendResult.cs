namespace RaidCommand.EventStore;

/// <summary>Where each appended event landed.</summary>
/// <param name="Events">One entry per event, in the order given.</param>
/// <param name="WasDuplicate">True when every event id was already stored: nothing was written, the original positions are returned.</param>
public sealed record AppendResult(IReadOnlyList<AppendedEvent> Events, bool WasDuplicate)
{
    /// <summary>The version of <paramref name="streamId"/> after this append (or after the original one, for a duplicate).</summary>
    public long VersionOf(string streamId)
    {
        long version = -1;
        foreach (var appended in Events)
        {
            if (appended.StreamId == streamId && appended.StreamVersion > version)
            {
                version = appended.StreamVersion;
            }
        }

        return version >= 0 ? version : throw new ArgumentException($"Stream '{streamId}' was not part of this append.", nameof(streamId));
    }

    /// <summary>The furthest feed position this append reached; a reader that has seen it has seen the whole append.</summary>
    public FeedPosition LastPosition => Events.Count == 0 ? FeedPosition.Start : Events.Max(e => e.Position);
}

/// <summary>One stored event's coordinates.</summary>
public sealed record AppendedEvent(string StreamId, long StreamVersion, FeedPosition Position);
