namespace RaidCommand.Server.ReadModels;

/// <summary>
/// The documents a projection saved, each with the feed position it was saved at, so that the next page need not read
/// and parse them again: an operation's board holds every person of the operation, and reading it back cost more than
/// folding a page into it. An entry is only used while the stored row carries the same position
/// (<see cref="ReadModelStore.LoadAsync{TView}"/> checks), so a page that rolled back, a rebuild, or another node
/// leading meanwhile all make the document be read from the table again. One runner applies one page at a time, so
/// nothing here is shared between threads.
/// </summary>
public sealed class DocumentCache<TView>(int capacity)
    where TView : class
{
    private readonly Dictionary<string, (long Position, TView View)> _entries = new(StringComparer.Ordinal);

    /// <summary>The position the document was saved at, or -1 (no stored row has that position).</summary>
    public long PositionOf(string id) => _entries.TryGetValue(id, out var entry) ? entry.Position : -1;

    public TView ViewAt(string id, long position) =>
        _entries.TryGetValue(id, out var entry) && entry.Position == position
            ? entry.View
            : throw new InvalidOperationException($"Document '{id}' is not cached at position {position}.");

    public void Saved(string id, long position, TView view)
    {
        // Bounded the simplest way: a projection with more live documents than this (one per person) starts over.
        if (_entries.Count >= capacity && !_entries.ContainsKey(id))
        {
            _entries.Clear();
        }

        _entries[id] = (position, view);
    }
}
