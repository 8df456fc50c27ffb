using System.Globalization;
using Npgsql;
using RaidCommand.EventStore;
using RaidCommand.Server.ReadModels;

namespace RaidCommand.Server.Audit.AsOf;

/// <summary>
/// Both clocks of every event of every operation, by operation, kept by <see cref="AsOfSnapshotProjection"/> up to its
/// checkpoint: what makes the events between a snapshot and an instant one short index range instead of a scan of
/// the operation's whole log. An event belongs to the operation its stream's first event names, the rule of
/// <see cref="History.OperationHistory"/>. The occurred clock is indexed by each event's effective occurred time
/// (<see cref="EffectiveOccurredTimes"/>), computed here as the event is indexed, from the <see cref="StreamClocks"/>
/// of the events before it, and fixed from then on.
/// <para>
/// <c>recorded_out_of_order</c> marks an event recorded earlier than an event before it in feed order (concurrent
/// appends can take their timestamps in the other order). Such events are the only ones that can belong to a
/// recorded-clock cut beyond the first snapshot whose newest recorded time is after the cut; the flag lets the query
/// find them without reading everything after that snapshot.
/// </para>
/// </summary>
public sealed class EventClockIndex
{
    public const string ClocksTable = ReadModelStore.Schema + ".asof_event_clocks";
    public const string OperationsTable = ReadModelStore.Schema + ".asof_operations";

    public static string CreateTablesSql => $"""
        create table if not exists {OperationsTable} (
            operation_id    uuid primary key,
            event_count     bigint not null,
            max_recorded_at timestamptz not null,
            opened_at       timestamptz);
        create table if not exists {ClocksTable} (
            operation_id          uuid not null,
            transaction_id        xid8 not null,
            global_position       bigint not null,
            effective_occurred_at timestamptz not null,
            recorded_at           timestamptz not null,
            recorded_out_of_order boolean not null,
            primary key (operation_id, transaction_id, global_position));
        create index if not exists asof_event_clocks_by_effective_occurred on {ClocksTable} (operation_id, effective_occurred_at);
        create index if not exists asof_event_clocks_out_of_order on {ClocksTable} (operation_id, recorded_at) where recorded_out_of_order;
        {StreamClocks.CreateTableSql}
        """;

    /// <summary>
    /// Works out how a page's events of operations, in feed order, enter the index, reading but not writing: each
    /// event's effective occurred time, each operation's event count so far and the earliest effective occurred time
    /// among its new events. <see cref="Write"/> stores it.
    /// </summary>
    public async Task<IndexedEvents> PrepareAsync(NpgsqlConnection connection, IReadOnlyList<(Guid OperationId, RecordedEvent Event)> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var progress = await ProgressAsync(connection, events.Select(e => e.OperationId).Distinct().ToArray(), cancellationToken);
        var streamClocks = await StreamClocks.LoadAsync(connection, [.. events], cancellationToken);
        var outOfOrder = new bool[events.Count];
        var effective = new DateTimeOffset[events.Count];
        var earliest = new Dictionary<Guid, DateTimeOffset>();
        for (var i = 0; i < events.Count; i++)
        {
            var (operationId, recorded) = events[i];
            var (count, maxRecorded) = progress.GetValueOrDefault(operationId, (0, DateTimeOffset.MinValue));
            outOfOrder[i] = recorded.RecordedAt < maxRecorded;
            progress[operationId] = (count + 1, recorded.RecordedAt > maxRecorded ? recorded.RecordedAt : maxRecorded);
            effective[i] = streamClocks[operationId].Next(recorded);
            earliest[operationId] = earliest.TryGetValue(operationId, out var before) && before <= effective[i] ? before : effective[i];
        }

        return new IndexedEvents(events, effective, outOfOrder, progress, streamClocks, earliest);
    }

    /// <summary>Stores what <see cref="PrepareAsync"/> worked out, with the page's other writes.</summary>
    public void Write(ProjectionPage page, IndexedEvents indexed)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(indexed);
        var events = indexed.Events;
        var clocks = new SqlArguments();
        var clocksSql = $"""
            insert into {ClocksTable} (operation_id, transaction_id, global_position, effective_occurred_at, recorded_at, recorded_out_of_order)
            select * from unnest({clocks.Add(events.Select(e => e.OperationId).ToArray())}::uuid[],
                                 {clocks.Add(events.Select(e => e.Event.Position.TransactionId.ToString(CultureInfo.InvariantCulture)).ToArray())}::xid8[],
                                 {clocks.Add(events.Select(e => e.Event.GlobalPosition).ToArray())}::bigint[],
                                 {clocks.Add(indexed.EffectiveOccurredAt.Select(e => e.ToUniversalTime()).ToArray())}::timestamptz[],
                                 {clocks.Add(events.Select(e => e.Event.RecordedAt.ToUniversalTime()).ToArray())}::timestamptz[],
                                 {clocks.Add(indexed.RecordedOutOfOrder.ToArray())}::boolean[])
            """;
        var progress = indexed.Progress;
        var counts = new SqlArguments();
        var countsSql = $"""
            insert into {OperationsTable} (operation_id, event_count, max_recorded_at)
            select * from unnest({counts.Add(progress.Keys.ToArray())}::uuid[], {counts.Add(progress.Values.Select(p => p.Count).ToArray())}::bigint[],
                                 {counts.Add(progress.Values.Select(p => p.MaxRecorded.ToUniversalTime()).ToArray())}::timestamptz[])
            on conflict (operation_id) do update set event_count = excluded.event_count, max_recorded_at = excluded.max_recorded_at
            """;
        page.Write(clocks.BatchCommand(clocksSql));
        page.Write(counts.BatchCommand(countsSql));
        foreach (var save in StreamClocks.SaveCommands(indexed.StreamClocks))
        {
            page.Write(save);
        }
    }

    public async Task ResetAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"truncate {ClocksTable}, {OperationsTable}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await StreamClocks.ResetAsync(connection, cancellationToken);
    }

    private static async Task<Dictionary<Guid, (long Count, DateTimeOffset MaxRecorded)>> ProgressAsync(
        NpgsqlConnection connection, Guid[] operationIds, CancellationToken cancellationToken)
    {
        var sql = new SqlArguments();
        await using var command = sql.Command($"select operation_id, event_count, max_recorded_at from {OperationsTable} where operation_id = any({sql.Add(operationIds)})", connection);
        var progress = new Dictionary<Guid, (long, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            progress[reader.GetGuid(0)] = (reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2));
        }

        return progress;
    }
}

/// <summary>
/// How a page's events enter the index: the events of operations in feed order with their effective occurred times and
/// out-of-order flags, each operation's event count so far, and the earliest effective occurred time among its new events.
/// </summary>
public sealed record IndexedEvents(
    IReadOnlyList<(Guid OperationId, RecordedEvent Event)> Events,
    IReadOnlyList<DateTimeOffset> EffectiveOccurredAt,
    IReadOnlyList<bool> RecordedOutOfOrder,
    IReadOnlyDictionary<Guid, (long Count, DateTimeOffset MaxRecorded)> Progress,
    IReadOnlyDictionary<Guid, EffectiveOccurredTimes> StreamClocks,
    IReadOnlyDictionary<Guid, DateTimeOffset> EarliestEffectiveOccurred)
{
    /// <summary>Each operation's event count once the page is indexed.</summary>
    public IEnumerable<(Guid OperationId, long EventCount)> EventCounts => Progress.Select(p => (p.Key, p.Value.Count));

    /// <summary>The page's events of one operation, in feed order, with their effective occurred times.</summary>
    public IEnumerable<OccurredClockEvent> Of(Guid operationId) =>
        Events.Select((e, i) => (e, i)).Where(x => x.e.OperationId == operationId).Select(x => new OccurredClockEvent(x.e.Event, EffectiveOccurredAt[x.i]));
}
