using System.Text.Json;
using RaidCommand.EventStore;
using RaidCommand.Server.ReadModels;

namespace RaidCommand.Server.Audit.AsOf;

/// <summary>
/// A read model whose as-of views are snapshotted: a fold of an operation's events through the live projection's own
/// code that can be stopped, stored as bytes, loaded and continued. <see cref="View"/> names its snapshots and
/// <see cref="Version"/> says which code and view shape produced them.
/// </summary>
public abstract class AsOfFold
{
    /// <summary>The projection's name; snapshots are stored under it.</summary>
    public abstract string View { get; }

    /// <summary>The fold's revision, the view type's shape (<see cref="FoldVersion"/>), the stored format and the occurred clock's order: snapshots of another version are never used.</summary>
    public abstract string Version { get; }

    /// <summary>The state before the operation's first event.</summary>
    public abstract AsOfFoldState Start(Guid operationId);

    /// <summary>A stored state, as written by <see cref="AsOfFoldState.Serialize"/>.</summary>
    public abstract AsOfFoldState Load(Guid operationId, ReadOnlySpan<byte> state);
}

/// <summary>The views of one operation folded so far, not yet completed.</summary>
public abstract class AsOfFoldState
{
    /// <summary>Folds the next events, in the order of the clock being replayed.</summary>
    public abstract void Fold(IReadOnlyList<RecordedEvent> events);

    public abstract byte[] Serialize();
}

/// <summary>The snapshottable fold of one <see cref="DocumentProjection{TView}"/>; a fresh projection instance per state.</summary>
public sealed class AsOfFold<TView>(Func<DocumentProjection<TView>> createProjection) : AsOfFold
    where TView : class
{
    // The stored state's format is a StoredState in these options' JSON. A change to either must bump StateFormat, which
    // is part of the version, so that a snapshot written in one format is never read in another. 2: with the streams' origins.
    private const int StateFormat = 2;

    // The order the occurred clock folds in, which its snapshots are cut by: 2 is by effective occurred time
    // (EffectiveOccurredTimes), 1 was by stated time. Part of the version, so no snapshot folded in another order is used.
    private const int OccurredOrder = 2;
    private static readonly JsonSerializerOptions Json = EventSerializer.DefaultJsonOptions();

    private readonly DocumentProjection<TView> _described = createProjection();

    private string? _version;

    public override string View => _described.Name;

    public override string Version => _version ??= $"{_described.Version}-j{StateFormat}-o{OccurredOrder}";

    public override AsOfFoldState Start(Guid operationId) => StartTyped(operationId);

    public override AsOfFoldState Load(Guid operationId, ReadOnlySpan<byte> state) => LoadTyped(operationId, state);

    public State StartTyped(Guid operationId) => new(createProjection(), operationId, new StoredState([], []));

    public State LoadTyped(Guid operationId, ReadOnlySpan<byte> state)
    {
        var stored = JsonSerializer.Deserialize<StoredState>(state, Json) ?? throw new JsonException($"An empty {View} snapshot was stored.");
        return new(createProjection(), operationId, stored);
    }

    /// <summary>What a snapshot holds: the views folded so far, and the origins of the streams folded into them.</summary>
    public sealed record StoredState(Dictionary<string, TView> Views, Dictionary<string, StreamOrigin> Origins);

    public sealed class State(DocumentProjection<TView> projection, Guid operationId, StoredState stored) : AsOfFoldState
    {
        private readonly Dictionary<string, TView> _views = new(stored.Views, StringComparer.Ordinal);
        private readonly Dictionary<string, StreamOrigin> _origins = new(stored.Origins, StringComparer.Ordinal);

        public override void Fold(IReadOnlyList<RecordedEvent> events) => projection.FoldInto(_views, _origins, events, operationId);

        public override byte[] Serialize() => JsonSerializer.SerializeToUtf8Bytes(new StoredState(_views, _origins), Json);

        /// <summary>The views as the read model would hold them, finished by the projection's <c>Complete</c>.</summary>
        public IReadOnlyDictionary<string, TView> Completed() => projection.Completed(_views);
    }
}
