using System.Diagnostics;
using Npgsql;
using RaidCommand.EventStore.Appending;
using RaidCommand.EventStore.Diagnostics;
using RaidCommand.EventStore.Feed;
using RaidCommand.EventStore.Reading;

namespace RaidCommand.EventStore;

/// <summary>Appends events to streams and reads them back. Thread-safe; one instance per store.</summary>
public sealed class EventStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly EventStoreOptions _options;
    private readonly FeedSignal _signal;
    private readonly EventSerializer _serializer;
    private readonly AggregateCache _states;
    private readonly AppendGroups? _groups;

    /// <summary>Tried in order; the last (the append function) fits every batch.</summary>
    private readonly IAppendWriter[] _writers;

    public EventStore(NpgsqlDataSource dataSource, EventStoreOptions options, FeedSignal signal)
    {
        ArgumentNullException.ThrowIfNull(options);
        _dataSource = dataSource;
        _options = options;
        _signal = signal;
        _serializer = new EventSerializer(options.Types, options.Json);
        _states = new AggregateCache(options.AggregateCacheSize);
        _writers =
        [
            new SingleEventAppend(options.Schema, _serializer),
            new OneEventPerStreamAppend(options.Schema, _serializer),
            new AppendCommand(options.Schema, _serializer),
        ];
        _groups = options.ConcurrentAppendWrites > 0
            ? new AppendGroups(
                (appends, cancellationToken) => AppendOnceAsync(appends, [], cancellationToken),
                AppendGroupAsync,
                options.ConcurrentAppendWrites,
                options.MaxAppendGroupEvents)
            : null;
    }

    public EventSerializer Serializer => _serializer;

    public EventStoreOptions Options => _options;

    /// <summary>The group commit of appends; null when <see cref="EventStoreOptions.ConcurrentAppendWrites"/> is 0.</summary>
    internal AppendGroups? Groups => _groups;

    /// <summary>Appends to one stream. See <see cref="AppendAsync(IReadOnlyList{StreamAppend}, CancellationToken)"/>.</summary>
    public Task<AppendResult> AppendAsync(string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken = default) =>
        AppendAsync([new StreamAppend(streamId, expected, events)], cancellationToken);

    /// <summary>
    /// Appends to one or more streams atomically: all events are stored or none. Without inline projections
    /// this is a single round trip. Re-sending a batch whose event ids are all stored already writes nothing
    /// and returns the original positions. A <see cref="StreamAppend"/> with no events is a check: that stream
    /// is locked and must be at its expected version for the append to succeed, but nothing is written to it.
    /// </summary>
    /// <exception cref="WrongExpectedVersionException">A stream was not at the expected version; nothing was written.</exception>
    /// <exception cref="EventIdReusedException">Part of the batch's event ids are stored already; nothing was written.</exception>
    public async Task<AppendResult> AppendAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken = default)
    {
        Validate(appends);
        var writer = WriterFor(appends).Name;
        var eventCount = appends.Sum(a => a.Events.Count);
        var started = Stopwatch.GetTimestamp();
        using var activity = EventStoreTelemetry.Activities.StartActivity("eventstore.append", ActivityKind.Client);
        activity?.SetTag("eventstore.writer", writer);
        activity?.SetTag("eventstore.streams", appends.Count);
        activity?.SetTag("eventstore.events", eventCount);
        var outcome = EventStoreTelemetry.Outcome.Failed;
        try
        {
            var inline = InlineProjectionsFor(appends);
            var written = inline.Count > 0 || _groups is null
                ? new Written(await AppendOnceAsync(appends, inline, cancellationToken), GroupSize: 1)
                : await _groups.AppendAsync(appends, cancellationToken);
            if (written.GroupSize > 1)
            {
                writer = "group";
                activity?.SetTag("eventstore.writer", writer);
                activity?.SetTag("eventstore.group_size", written.GroupSize);
            }

            outcome = written.Result.WasDuplicate ? EventStoreTelemetry.Outcome.Retried : EventStoreTelemetry.Outcome.Written;
            return written.Result;
        }
        catch (WrongExpectedVersionException conflict)
        {
            outcome = EventStoreTelemetry.Outcome.Conflict;
            _states.Forget(conflict.StreamId);
            throw;
        }
        finally
        {
            activity?.SetTag("eventstore.outcome", outcome);
            EventStoreTelemetry.AppendDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, new("writer", writer), new("outcome", outcome));
            if (outcome == EventStoreTelemetry.Outcome.Written)
            {
                EventStoreTelemetry.EventsAppended.Add(eventCount);
            }
        }
    }

    private async Task<AppendResult> AppendOnceAsync(IReadOnlyList<StreamAppend> appends, List<IInlineProjection> inline, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        AppendResult result;
        try
        {
            result = inline.Count == 0
                ? await WriteAsync(connection, appends, cancellationToken)
                : await WriteWithInlineProjectionsAsync(connection, appends, inline, cancellationToken);
        }
        catch (Exception error) when (error is WrongExpectedVersionException || AppendErrors.IsEventIdTaken(error))
        {
            // A retried batch fails on its event ids, or on its expected version when the stream has moved on since.
            // Nothing was written (the transaction is gone); what is stored under those ids tells a retry from a conflict.
            result = await StoredBatch.FindAsync(connection, _options.Schema, appends, cancellationToken)
                ?? throw (error as WrongExpectedVersionException
                    ?? new EventIdReusedException("An event id in this batch was stored concurrently by another append.") as Exception);
        }

        if (!result.WasDuplicate)
        {
            _signal.Notify();
        }

        return result;
    }

    /// <summary>
    /// Several callers' appends (streams disjoint) in one transaction. Not cancellable: it is every member's write. Any
    /// failure leaves nothing written, and <see cref="AppendGroups"/> then writes each member on its own.
    /// </summary>
    private async Task<AppendResult> AppendGroupAsync(IReadOnlyList<StreamAppend> appends)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(CancellationToken.None);
        var result = await WriteAsync(connection, appends, CancellationToken.None);
        _signal.Notify();
        return result;
    }

    /// <summary>Reads a stream forward from <paramref name="fromVersion"/> (1 is the first event).</summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, long fromVersion = 1, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            $"select {EventRows.Columns} from {_options.Schema}.events where stream_id = $1 and stream_version >= $2 order by stream_version");
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        command.Parameters.Add(new NpgsqlParameter { Value = fromVersion });
        return await EventRows.ReadAll(command, _serializer, cancellationToken);
    }

    /// <summary>
    /// Folds a stream into state, optionally only as far as <paramref name="cut"/> (time travel by version,
    /// by recorded time or by occurred time). Returns the state and the version of the last event folded in.
    /// Without a cut, the state is kept (<see cref="EventStoreOptions.AggregateCacheSize"/>) and the next call reads and
    /// folds only the events appended since: <paramref name="evolve"/> must be pure and the state immutable.
    /// </summary>
    public async Task<(TState State, long Version)> AggregateStreamAsync<TState>(
        string streamId, TState initial, Func<TState, object, TState> evolve, StreamCut? cut = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evolve);
        if (cut is null)
        {
            // From the cached state, or from the initial state at version 0 when none is kept.
            var (cached, cachedVersion) = _states.Get(streamId, initial, evolve);
            var loaded = await FoldAsync(streamId, cached, cachedVersion, evolve, "stream_version > $2", cachedVersion, cancellationToken);
            if (loaded.Version > cachedVersion)
            {
                _states.Store(streamId, initial, evolve, loaded.State, loaded.Version);
            }

            return loaded;
        }

        var (condition, bound) = cut switch
        {
            StreamCut.Version v => ("stream_version <= $2", (object)v.Value),
            StreamCut.Recorded r => ("recorded_at <= $2", r.Instant),
            StreamCut.Occurred o => ("occurred_at <= $2", o.Instant),
            _ => throw new ArgumentOutOfRangeException(nameof(cut)),
        };

        return await FoldAsync(streamId, initial, 0, evolve, condition, bound, cancellationToken);
    }

    /// <summary>Folds the stream's events that meet <paramref name="condition"/> (on parameter $2) into <paramref name="state"/>.</summary>
    private async Task<(TState State, long Version)> FoldAsync<TState>(
        string streamId, TState state, long version, Func<TState, object, TState> evolve, string condition, object bound, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            $"select {EventRows.Columns} from {_options.Schema}.events where stream_id = $1 and {condition} order by stream_version");
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        command.Parameters.Add(new NpgsqlParameter { Value = bound });

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var recorded = EventRows.Read(reader, _serializer);
            state = evolve(state, recorded.Data);
            version = recorded.StreamVersion;
        }

        return (state, version);
    }

    /// <summary>The stream's current version; 0 when it does not exist.</summary>
    public async Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"select version from {_options.Schema}.streams where stream_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        return await command.ExecuteScalarAsync(cancellationToken) is long version ? version : 0;
    }

    /// <summary>The events a command produced, found by the command id in their metadata: how a retried command finds its original result.</summary>
    public async Task<IReadOnlyList<RecordedEvent>> FindByCommandIdAsync(string commandId, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            $"select {EventRows.Columns} from {_options.Schema}.events where command_id = $1 order by global_position");
        command.Parameters.Add(new NpgsqlParameter { Value = commandId });
        return await EventRows.ReadAll(command, _serializer, cancellationToken);
    }

    /// <summary>
    /// Writes one batch on <paramref name="connection"/>, inside the caller's transaction if one is open. One stream
    /// with one event takes the prepared single-event batch, one event to each of several streams (a group commit of
    /// single events, most often) the prepared set-based batch; every other shape takes the append function.
    /// </summary>
    internal Task<AppendResult> WriteAsync(NpgsqlConnection connection, IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken) =>
        WriterFor(appends).ExecuteAsync(connection, appends, cancellationToken);

    private IAppendWriter WriterFor(IReadOnlyList<StreamAppend> appends) => Array.Find(_writers, writer => writer.Fits(appends))!;

    /// <summary>The events and the inline projections' writes commit together or not at all.</summary>
    private async Task<AppendResult> WriteWithInlineProjectionsAsync(
        NpgsqlConnection connection, IReadOnlyList<StreamAppend> appends, List<IInlineProjection> inline, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await WriteAsync(connection, appends, cancellationToken);
        var recorded = await ReadBack(connection, result, cancellationToken);
        foreach (var projection in inline)
        {
            await projection.ApplyAsync(connection, recorded, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private async Task<List<RecordedEvent>> ReadBack(NpgsqlConnection connection, AppendResult result, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select {EventRows.Columns} from {_options.Schema}.events where global_position = any($1) order by global_position", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = result.Events.Select(e => e.Position.GlobalPosition).ToArray() });
        return await EventRows.ReadAll(command, _serializer, cancellationToken);
    }

    private List<IInlineProjection> InlineProjectionsFor(IReadOnlyList<StreamAppend> appends) =>
        _options.InlineProjections.Count == 0
            ? []
            : [.. _options.InlineProjections.Where(projection => appends.Any(a => a.Events.Any(e => projection.AppliesTo(e.Data.GetType()))))];

    private static void Validate(IReadOnlyList<StreamAppend> appends)
    {
        ArgumentNullException.ThrowIfNull(appends);
        if (appends.Count == 0 || appends.All(a => a.Events.Count == 0))
        {
            // Streams without events are checks (locked and verified, not written); a check alone would be a read.
            throw new ArgumentException("An append needs at least one stream with events.", nameof(appends));
        }

        var streams = new HashSet<string>(StringComparer.Ordinal);
        foreach (var append in appends)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(append.StreamId, nameof(appends));
            if (!streams.Add(append.StreamId))
            {
                throw new ArgumentException($"Stream '{append.StreamId}' appears twice in one append; put its events in one entry.", nameof(appends));
            }
        }
    }
}
