namespace RaidCommand.EventStore.Feed;

/// <summary>
/// Events readable after a position, in feed order.
/// <paramref name="HeldBack"/> is true when committed events exist beyond the page that cannot be
/// delivered yet because an older transaction is still open: they will come, in order, once it ends.
/// </summary>
public sealed record FeedPage(IReadOnlyList<RecordedEvent> Events, bool HeldBack)
{
    public FeedPosition? LastPosition => Events.Count > 0 ? Events[^1].Position : null;
}
