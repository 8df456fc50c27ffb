namespace RaidCommand.EventStore.Feed;

/// <summary>Whose latency a feed subscription serves (see <see cref="LiveReaders"/>).</summary>
public enum FeedReaderPriority
{
    /// <summary>Read models and other work that may follow the log a little later.</summary>
    Background,

    /// <summary>A reader that pushes new events to people: background readers let it go first after each append.</summary>
    Live,
}
