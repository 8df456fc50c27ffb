using Npgsql;
using RaidCommand.EventStore;
using RaidCommand.EventStore.Reading;

namespace RaidCommand.Server.Audit.AsOf;

/// <summary>
/// The event reads of as-of views, each already in the order of its clock: the recorded clock folds in feed order
/// (transaction id, global position), as the live projections saw the events; the occurred clock folds by effective
/// occurred time (<see cref="EffectiveOccurredTimes"/>), feed order breaking ties. Reads from the log itself select an operation's events by their stream's first
/// event, as <see cref="History.OperationHistory"/> does; reads through the <see cref="EventClockIndex"/> cover only
/// what the snapshot projection has indexed, up to a checkpoint the caller passes.
/// </summary>
/// <param name="store">Lazy because the snapshot projection reads through this class and the store's options are built from the projections.</param>
public sealed class AsOfEventReads(Lazy<EventStore.EventStore> store)
{
    private static readonly string Columns = string.Join(", ", EventRows.Columns.Split(',', StringSplitOptions.TrimEntries).Select(c => $"e.{c}"));

    private string Events => $"{store.Value.Options.Schema}.events";

    /// <summary>The operation each stream's first event names, for the streams that have one.</summary>
    public async Task<Dictionary<string, Guid>> OwnersAsync(NpgsqlConnection connection, string[] streamIds, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select stream_id, data ->> 'operationId' from {Events} where stream_version = 1 and stream_id = any($1)",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = streamIds });
        var owners = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // The history's rule compares the stored text with the operation id's canonical form; anything else names no operation.
            var named = reader.IsDBNull(1) ? null : reader.GetString(1);
            if (Guid.TryParseExact(named, "D", out var operationId) && operationId.ToString() == named)
            {
                owners[reader.GetString(0)] = operationId;
            }
        }

        return owners;
    }

    /// <summary>Every event of the operation, straight from the log, in feed order.</summary>
    public Task<List<RecordedEvent>> OperationEventsAsync(NpgsqlConnection connection, Guid operationId, CancellationToken cancellationToken)
    {
        var sql = new SqlArguments();
        return ReadAsync(connection, sql, $"select {Columns} from {Events} e where {OfOperation(sql, operationId)} order by e.transaction_id, e.global_position", cancellationToken);
    }

    /// <summary>The operation's events recorded by the instant, straight from the log, in feed order: the recorded clock's full replay.</summary>
    public Task<List<RecordedEvent>> OperationRecordedCutAsync(NpgsqlConnection connection, Guid operationId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var sql = new SqlArguments();
        return ReadAsync(connection, sql, $"""
            select {Columns} from {Events} e where {OfOperation(sql, operationId)} and e.recorded_at <= {sql.Add(at)}
             order by e.transaction_id, e.global_position
            """, cancellationToken);
    }

    /// <summary>
    /// The operation's events that count by the instant on the occurred clock, in occurred order: the occurred clock's
    /// full replay. Every event is read, since an event's effective time depends on the events before it in the feed.
    /// </summary>
    public async Task<List<OccurredClockEvent>> OperationOccurredCutAsync(NpgsqlConnection connection, Guid operationId, DateTimeOffset at, CancellationToken cancellationToken) =>
        Cut(new EffectiveOccurredTimes().InOccurredOrder(await OperationEventsAsync(connection, operationId, cancellationToken)), at);

    /// <summary>One stream's events recorded by the instant, straight from the log.</summary>
    public Task<List<RecordedEvent>> StreamRecordedCutAsync(NpgsqlConnection connection, string streamId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var sql = new SqlArguments();
        return ReadAsync(connection, sql,
            $"select {Columns} from {Events} e where e.stream_id = {sql.Add(streamId)} and e.recorded_at <= {sql.Add(at)} order by e.transaction_id, e.global_position", cancellationToken);
    }

    /// <summary>
    /// One stream's events that count by the instant on the occurred clock, straight from the log: its effective times
    /// come from its own events and those of the streams they depend on (the operation's, and for a custody record the
    /// arrest's site log), folded together in feed order; the operation's other streams play no part.
    /// </summary>
    public async Task<List<OccurredClockEvent>> StreamOccurredCutAsync(
        NpgsqlConnection connection, Guid operationId, string streamId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var own = await StreamsAsync(connection, [streamId], cancellationToken);
        if (own.Count == 0)
        {
            return [];
        }

        var dependedOn = await StreamsAsync(connection, [.. EffectiveOccurredTimes.StreamsDependedOn(own[0], operationId)], cancellationToken);
        var times = new EffectiveOccurredTimes();
        var inFeedOrder = dependedOn.Concat(own).OrderBy(e => e.Position);
        return Cut([.. inFeedOrder.Select(e => new OccurredClockEvent(e, times.Next(e))).Where(e => e.Event.StreamId == streamId)], at);
    }

    /// <summary>
    /// The recorded-clock cut's events after a snapshot at <paramref name="after"/>: indexed ones up to the next snapshot
    /// (<paramref name="next"/>, or the checkpoint); indexed ones beyond it only if recorded out of order, since the next
    /// snapshot already holds an event recorded after the cut and any later event recorded by the cut is therefore
    /// out of order; and whatever the log has past the checkpoint.
    /// </summary>
    public Task<List<RecordedEvent>> RecordedTailAsync(
        NpgsqlConnection connection, Guid operationId, FeedPosition after, FeedPosition? next, FeedPosition checkpoint, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var sql = new SqlArguments();
        var (operation, cut, bound, upTo) = (sql.Add(operationId), sql.Add(at), sql.Position(next ?? checkpoint), sql.Position(checkpoint));
        return ReadAsync(connection, sql, $"""
            {Indexed($"""
                select c.global_position from {EventClockIndex.ClocksTable} c
                 where c.operation_id = {operation} and (c.transaction_id, c.global_position) > {sql.Position(after)}
                   and (c.transaction_id, c.global_position) <= {bound} and c.recorded_at <= {cut}
                union all
                select c.global_position from {EventClockIndex.ClocksTable} c
                 where c.operation_id = {operation} and c.recorded_out_of_order and c.recorded_at <= {cut}
                   and (c.transaction_id, c.global_position) > {bound} and (c.transaction_id, c.global_position) <= {upTo}
                """)}
            union all
            select {Columns} from {Events} e where {PastCheckpoint(sql, operationId, checkpoint)} and e.recorded_at <= {cut}
             order by transaction_id, global_position
            """, cancellationToken);
    }

    /// <summary>
    /// The occurred-clock cut's events not in a snapshot cut at <paramref name="after"/> (none: from the start), in occurred
    /// order: indexed ones whose effective time is after it, with the effective time the index fixed; and whatever the log
    /// has past the checkpoint, whose effective times go on from the <see cref="StreamClocks"/> at the checkpoint. A log
    /// event that counts from before the snapshot's cut was logged late and is not in it: the caller must then start from
    /// an earlier snapshot.
    /// </summary>
    public async Task<List<OccurredClockEvent>> OccurredTailAsync(
        NpgsqlConnection connection, Guid operationId, DateTimeOffset? after, FeedPosition checkpoint, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var sql = new SqlArguments();
        var operation = sql.Add(operationId);
        var since = after is { } instant ? $" and c.effective_occurred_at > {sql.Add(instant)}" : string.Empty;
        var events = await ReadOccurredAsync(connection, sql, $"""
            {IndexedWithEffectiveTime(operation, $"""
                select c.global_position from {EventClockIndex.ClocksTable} c
                 where c.operation_id = {operation} and (c.transaction_id, c.global_position) <= {sql.Position(checkpoint)} and c.effective_occurred_at <= {sql.Add(at)}{since}
                """)}
            union all
            select {Columns}, null::timestamptz from {Events} e where {PastCheckpoint(sql, operationId, checkpoint)}
             order by transaction_id, global_position
            """, cancellationToken);
        var past = events.Where(e => e.EffectiveOccurredAt is null).Select(e => e.Event).ToList();
        var pastTimes = past.Count == 0 ? null : (await StreamClocks.LoadAsync(connection, [.. past.Select(e => (operationId, e))], cancellationToken))[operationId];
        return Cut([.. events.Select(e => new OccurredClockEvent(e.Event, e.EffectiveOccurredAt ?? pastTimes!.Next(e.Event))).OrderBy(e => e.EffectiveOccurredAt)], at);
    }

    /// <summary>The indexed events of the operation after a feed position, in feed order: what a recorded-clock snapshot folds next.</summary>
    public Task<List<RecordedEvent>> IndexedAfterPositionAsync(NpgsqlConnection connection, Guid operationId, FeedPosition after, CancellationToken cancellationToken)
    {
        var sql = new SqlArguments();
        return ReadAsync(connection, sql, $"""
            {Indexed($"select c.global_position from {EventClockIndex.ClocksTable} c where c.operation_id = {sql.Add(operationId)} and (c.transaction_id, c.global_position) > {sql.Position(after)}")}
             order by e.transaction_id, e.global_position
            """, cancellationToken);
    }

    /// <summary>The indexed events of the operation whose effective occurred time is after an instant (none: all), in occurred order: what an occurred-clock snapshot folds next.</summary>
    public async Task<List<OccurredClockEvent>> IndexedAfterInstantAsync(NpgsqlConnection connection, Guid operationId, DateTimeOffset? after, CancellationToken cancellationToken)
    {
        var sql = new SqlArguments();
        var operation = sql.Add(operationId);
        var since = after is { } instant ? $" and c.effective_occurred_at > {sql.Add(instant)}" : string.Empty;
        var events = await ReadOccurredAsync(connection, sql, $"""
            {IndexedWithEffectiveTime(operation, $"select c.global_position from {EventClockIndex.ClocksTable} c where c.operation_id = {operation}{since}")}
             order by effective_occurred_at, e.transaction_id, e.global_position
            """, cancellationToken);
        return [.. events.Select(e => new OccurredClockEvent(e.Event, e.EffectiveOccurredAt!.Value))];
    }

    // The events at the positions the index query selects, each by primary key: as an array built first, so the planner
    // cannot choose to join the index rows against a scan of the whole log.
    private string Indexed(string positions) => $"""
        select {Columns} from {Events} e where e.global_position = any(array(
            {positions}))
        """;

    // The same with each event's effective occurred time as the index holds it, looked up by the index's primary key.
    private string IndexedWithEffectiveTime(string operation, string positions) => $"""
        select {Columns}, (select c.effective_occurred_at from {EventClockIndex.ClocksTable} c
                            where c.operation_id = {operation} and c.transaction_id = e.transaction_id and c.global_position = e.global_position) as effective_occurred_at
          from {Events} e where e.global_position = any(array(
            {positions}))
        """;

    // The operation's events: those of the streams whose first event names it.
    private string OfOperation(SqlArguments sql, Guid operationId) =>
        $"e.stream_id in (select f.stream_id from {Events} f where f.stream_version = 1 and f.data ->> 'operationId' = {sql.Add(operationId.ToString())})";

    // The operation's events committed after the checkpoint, which the index does not have yet: few, unless the projection is behind.
    private string PastCheckpoint(SqlArguments sql, Guid operationId, FeedPosition checkpoint) => $"""
        (e.transaction_id, e.global_position) > {sql.Position(checkpoint)}
           and exists (select from {Events} f where f.stream_id = e.stream_id and f.stream_version = 1 and f.data ->> 'operationId' = {sql.Add(operationId.ToString())})
        """;

    // The events that count by the instant, of events already in occurred order.
    private static List<OccurredClockEvent> Cut(List<OccurredClockEvent> inOccurredOrder, DateTimeOffset at) =>
        [.. inOccurredOrder.TakeWhile(e => e.EffectiveOccurredAt <= at)];

    private Task<List<RecordedEvent>> StreamsAsync(NpgsqlConnection connection, string[] streamIds, CancellationToken cancellationToken)
    {
        var sql = new SqlArguments();
        return ReadAsync(connection, sql, $"select {Columns} from {Events} e where e.stream_id = any({sql.Add(streamIds)}) order by e.transaction_id, e.global_position", cancellationToken);
    }

    private async Task<List<RecordedEvent>> ReadAsync(NpgsqlConnection connection, SqlArguments sql, string text, CancellationToken cancellationToken)
    {
        await using var command = sql.Command(text, connection);
        return await EventRows.ReadAll(command, store.Value.Serializer, cancellationToken);
    }

    // Rows of the event columns and then an effective occurred time, null where the query left it to be computed.
    private async Task<List<(RecordedEvent Event, DateTimeOffset? EffectiveOccurredAt)>> ReadOccurredAsync(
        NpgsqlConnection connection, SqlArguments sql, string text, CancellationToken cancellationToken)
    {
        await using var command = sql.Command(text, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var effectiveColumn = reader.FieldCount - 1;
        var events = new List<(RecordedEvent, DateTimeOffset?)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add((EventRows.Read(reader, store.Value.Serializer), reader.IsDBNull(effectiveColumn) ? null : reader.GetFieldValue<DateTimeOffset>(effectiveColumn)));
        }

        return events;
    }
}
