using Npgsql;
using RaidCommand.EventStore;

namespace RaidCommand.Server.ReadModels;

/// <summary>
/// A read model kept as one JSON document per view (an operation's board, a person's custody line, a seizure):
/// for each page of events it loads the touched documents, folds the events in with a pure function, and
/// writes them back in one statement, sent with the runner's checkpoint move just before its commit (see <see cref="ProjectionPage"/>).
/// </summary>
public abstract class DocumentProjection<TView>(ReadModelStore store) : IProjection, IReadModelTable
    where TView : class
{
    private const int CachedDocuments = 4096;

    private readonly DocumentCache<TView> _cache = new(CachedDocuments);
    private string? _version;
    private StreamOriginIndex? _index;

    // Set at the start of each page and read while routing it; the daemon applies one page at a time.
    private IReadOnlyDictionary<string, StreamOrigin> _streamOrigins = new Dictionary<string, StreamOrigin>();

    // Created on first use because Name is only known once the derived class is constructed.
    private StreamOriginIndex OriginIndex => _index ??= new StreamOriginIndex(Name);

    public abstract string Name { get; }

    /// <summary>The table, in the read-model schema, holding this projection's documents.</summary>
    public abstract string Table { get; }

    /// <summary>The documents an event touches (often none, often one).</summary>
    protected abstract IEnumerable<DocumentKey> KeysFor(RecordedEvent recorded);

    /// <summary>Folds one event into a document; <paramref name="view"/> is null for a document not yet created.</summary>
    protected abstract TView? Apply(TView? view, DocumentKey key, RecordedEvent recorded);

    /// <summary>
    /// Finishes a document after a run of <see cref="Apply"/> calls, before it is saved or returned: for derived values
    /// that are cheaper to compute once per run than after every event. The default changes nothing.
    /// </summary>
    protected virtual TView Complete(TView view) => view;

    /// <summary>
    /// Whether this event's stream must be looked up in the projection's <see cref="StreamOriginIndex"/>:
    /// true for streams whose later events do not name their operation (a custody decision, a departure).
    /// Such streams' origins are then available to <see cref="KeysFor"/> and <see cref="Apply"/> through <see cref="OriginOfStream"/>.
    /// </summary>
    protected virtual bool ResolvesOperationOf(RecordedEvent recorded) => false;

    /// <summary>The origin an event declares for its stream (typically the stream's first event), or null.</summary>
    protected virtual StreamOrigin? DeclaredOrigin(object data) => null;

    /// <summary>The origin of a resolved stream in the page being applied, or null if none is known.</summary>
    protected StreamOrigin? OriginOfStream(string streamId) => _streamOrigins.TryGetValue(streamId, out var origin) ? origin : null;

    /// <summary>The operation of a resolved stream in the page being applied, or null if none is known.</summary>
    protected Guid? OperationOfStream(string streamId) => OriginOfStream(streamId)?.OperationId;

    public async Task ApplyAsync(ProjectionPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var events = page.Events;
        var resolvable = events.Where(ResolvesOperationOf).ToList();
        _streamOrigins = resolvable.Count == 0
            ? new Dictionary<string, StreamOrigin>()
            : await OriginIndex.ResolveAsync(page, resolvable, DeclaredOrigin, cancellationToken);
        var touched = events.SelectMany(e => KeysFor(e).Select(key => (Key: key, Event: e))).ToList();
        if (touched.Count == 0)
        {
            return;
        }

        var views = await store.LoadAsync(page.Connection, Table, touched.Select(t => t.Key.Id).Distinct().ToArray(), _cache, cancellationToken);
        var changed = new Dictionary<string, (DocumentKey Key, TView? View, long Position)>(StringComparer.Ordinal);
        foreach (var (key, recorded) in touched)
        {
            views.TryGetValue(key.Id, out var current);
            var next = Apply(current, key, recorded);
            views[key.Id] = next!;
            // Later events of a stream often do not name the operation; the first one that did still counts.
            var operationId = key.OperationId ?? (changed.TryGetValue(key.Id, out var earlier) ? earlier.Key.OperationId : null);
            changed[key.Id] = (key with { OperationId = operationId }, next, recorded.GlobalPosition);
        }

        var saved = changed.Values.Where(c => c.View is not null).Select(c => (c.Key, View: Complete(c.View!), c.Position)).ToList();
        if (saved.Count > 0)
        {
            page.Write(store.SaveCommand(Table, saved.Select(c => (c.Key, (object)c.View, c.Position)).ToList()));
        }

        // Cached before the runner has sent the save; if the page then fails, the table keeps its older position, which the
        // cache is checked against on every load, so a save rolled back is never served.
        foreach (var (key, view, position) in saved)
        {
            _cache.Saved(key.Id, position, view);
        }
    }

    /// <summary>
    /// The revision of what <see cref="Apply"/> and <see cref="Complete"/> produce for given events. The projection's
    /// table and the state derived from this fold elsewhere (the auditors' as-of snapshots) are stamped with it and with
    /// the view type's shape (<see cref="Version"/>), so bump it when the fold's results change without the view's type
    /// changing: the table is then rebuilt at start, and old derived state is ignored.
    /// </summary>
    public virtual int FoldRevision => 1;

    public string Version => _version ??= FoldVersion.Of(typeof(TView), FoldRevision);

    /// <summary>
    /// Folds events of one operation into <paramref name="views"/> in memory, exactly as <see cref="ApplyAsync"/> would,
    /// without reading or writing the projection's table: how auditors see a read model as it stood at an instant. Every
    /// stream of <paramref name="events"/> belongs to <paramref name="operationId"/>; the origins their first events
    /// declare are kept in <paramref name="origins"/>, the in-memory counterpart of the projection's
    /// <see cref="StreamOriginIndex"/>. <see cref="Complete"/> is left to <see cref="Completed"/>, so a replay can stop,
    /// store what it has folded (views and origins), later go on from it with the events that follow, and folding a
    /// sequence in parts gives exactly what folding it at once gives. Use a fresh instance per replay (the projection's
    /// stream-to-origin map is instance state).
    /// </summary>
    public void FoldInto(Dictionary<string, TView> views, Dictionary<string, StreamOrigin> origins, IReadOnlyList<RecordedEvent> events, Guid operationId)
    {
        ArgumentNullException.ThrowIfNull(views);
        ArgumentNullException.ThrowIfNull(origins);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var (stream, origin) in StreamOriginIndex.Declared(events.Where(ResolvesOperationOf), DeclaredOrigin))
        {
            origins.TryAdd(stream, origin);
        }

        var streams = new Dictionary<string, StreamOrigin>(StringComparer.Ordinal);
        foreach (var recorded in events)
        {
            streams.TryAdd(recorded.StreamId, origins.TryGetValue(recorded.StreamId, out var declared) ? declared : new StreamOrigin(operationId));
        }

        _streamOrigins = streams;
        foreach (var recorded in events)
        {
            foreach (var key in KeysFor(recorded))
            {
                views.TryGetValue(key.Id, out var current);
                if (Apply(current, key, recorded) is { } next)
                {
                    views[key.Id] = next;
                }
            }
        }
    }

    /// <summary>The views a run of <see cref="FoldInto"/> left, finished by <see cref="Complete"/>.</summary>
    public IReadOnlyDictionary<string, TView> Completed(IReadOnlyDictionary<string, TView> views)
    {
        ArgumentNullException.ThrowIfNull(views);
        return views.ToDictionary(pair => pair.Key, pair => Complete(pair.Value), StringComparer.Ordinal);
    }

    public async Task ResetAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await store.TruncateAsync(connection, Table, cancellationToken);
        await OriginIndex.ResetAsync(connection, cancellationToken);
    }
}

/// <summary>A document's id and the operation it belongs to (for need-to-know filtering and per-operation queries).</summary>
public readonly record struct DocumentKey(string Id, Guid? OperationId);

/// <summary>A projection's table, which the read-model schema creates at start-up and rebuilds when its version changes.</summary>
public interface IReadModelTable
{
    /// <summary>The projection's name, to rebuild it by.</summary>
    string Name { get; }

    string Table { get; }

    /// <summary>What the projection's rows were folded by (<see cref="FoldVersion"/>); rows of another version are rebuilt.</summary>
    string Version { get; }
}
