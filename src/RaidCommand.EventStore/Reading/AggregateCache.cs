using System.Collections.Concurrent;
using System.Reflection;

namespace RaidCommand.EventStore.Reading;

/// <summary>
/// Streams' states as last folded by <see cref="EventStore.AggregateStreamAsync{TState}"/>, so the next load of a
/// stream reads and folds only the events after the cached version instead of the whole stream. A den's log grows with
/// every arrest and every command on it loads that log first: without this, each entry costs the length of the log.
/// <para>
/// Always correct, never only fresh: the events after the cached version are read from the database on every load, so
/// other nodes' appends are seen as before. A cached state is shared between callers, which is why folds must be pure
/// and their states immutable (as deciders' states are). An entry is dropped when an append to its stream meets a
/// wrong expected version, the one sign that the cache could be ahead of the database (a restore, a test that clears
/// its tables); the retry then folds from the first event. Bounded: when it holds <c>capacity</c> streams it starts
/// over empty, which costs one full fold per stream.
/// </para>
/// </summary>
internal sealed class AggregateCache(int capacity)
{
    private const int FoldsPerStream = 8;

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Fold, Folded>> _streams = new(StringComparer.Ordinal);

    /// <summary>The stream's cached state and its version, or the initial state at version 0.</summary>
    public (TState State, long Version) Get<TState>(string streamId, TState initial, Func<TState, object, TState> evolve) =>
        _streams.TryGetValue(streamId, out var folds) && folds.TryGetValue(Fold.Of(initial, evolve), out var folded)
            ? ((TState)folded.State!, folded.Version)
            : (initial, 0);

    /// <summary>Keeps a stream's state at a version; a concurrent load that got further wins.</summary>
    public void Store<TState>(string streamId, TState initial, Func<TState, object, TState> evolve, TState state, long version)
    {
        if (capacity == 0 || version == 0)
        {
            return;
        }

        if (_streams.Count >= capacity && !_streams.ContainsKey(streamId))
        {
            _streams.Clear();
        }

        var folds = _streams.GetOrAdd(streamId, _ => new ConcurrentDictionary<Fold, Folded>());
        if (folds.Count >= FoldsPerStream)
        {
            // A fold built per call (a lambda capturing locals) never hits; it must not pile up entries either.
            folds.Clear();
        }

        var folded = new Folded(state, version);
        folds.AddOrUpdate(Fold.Of(initial, evolve), folded, (_, existing) => existing.Version >= version ? existing : folded);
    }

    public void Forget(string streamId) => _streams.TryRemove(streamId, out _);

    /// <summary>
    /// Which fold a state came from: the same stream folded by another function, or from another initial state, is
    /// another entry. Initial states compare by value (records), so a fold whose initial state is built per call still hits.
    /// </summary>
    private readonly record struct Fold(Type StateType, MethodInfo Evolve, object? Target, object? Initial)
    {
        public static Fold Of<TState>(TState initial, Func<TState, object, TState> evolve) =>
            new(typeof(TState), evolve.Method, evolve.Target, initial);
    }

    private sealed record Folded(object? State, long Version);
}
