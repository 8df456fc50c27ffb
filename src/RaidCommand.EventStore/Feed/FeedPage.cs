namespace RaidCommand.EventStore.Feed;

/// <summary>
/// Events readable after a position, in feed order.
/// <paramref name="HeldBack"/> is true when committed events exist beyond the page that cannot be
/// delivered yet because an older transaction is still open: they will come, in order, once it ends.
/// <paramref name="ReachedEnd"/> is true when the page holds everything that was deliverable when it was read (it was
/// neither full nor held back), so a reader that took its wake-up before the read need not look again until woken.
/// </summary>
public sealed record FeedPage(IReadOnlyList<RecordedEvent> Events, bool HeldBack, bool ReachedEnd = false)
{
    public FeedPosition? LastPosition => Events.Count > 0 ? Events[^1].Position : null;
}
