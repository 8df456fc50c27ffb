using Npgsql;
using RaidCommand.EventStore;
using RaidCommand.EventStore.Reading;

namespace RaidCommand.Server.Audit.AsOf;

/// <summary>
/// The event reads of as-of views, each already in the order of its clock: the recorded clock folds in feed order
/// (transaction id, global position), as the live projections saw the events; the occurred clock folds by occurred
/// time, feed order breaking ties. Reads from the log itself select an operation's events by their stream's first
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

    /// <summary>Every event of the operation in the cut, straight from the log: the full replay every other answer must equal.</summary>
    public Task<List<RecordedEvent>> OperationCutAsync(NpgsqlConnection connection, Guid operationId, AuditClock clock, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var sql = new SqlArguments();
        return ReadAsync(connection, sql, $"""
            select {Columns} from {Events} e
             where e.stream_id in (select f.stream_id from {Events} f where f.stream_version = 1 and f.data ->> 'operationId' = {sql.Add(operationId.ToString())})
               and e.{Column(clock)} <= {sql.Add(at)}
             order by {Order(clock)}
            """, cancellationToken);
    }

    /// <summary>One stream's events in the cut, straight from the log.</summary>
    public Task<List<RecordedEvent>> StreamCutAsync(NpgsqlConnection connection, string streamId, AuditClock clock, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var sql = new SqlArguments();
        return ReadAsync(connection, sql,
            $"select {Columns} from {Events} e where e.stream_id = {sql.Add(streamId)} and e.{Column(clock)} <= {sql.Add(at)} order by {Order(clock)}", cancellationToken);
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
            {PastCheckpoint(sql, operationId, checkpoint, "recorded_at", cut)}
             order by transaction_id, global_position
            """, cancellationToken);
    }

    /// <summary>
    /// The occurred-clock cut's events not in a snapshot cut at <paramref name="after"/> (none: from the start): indexed
    /// ones that occurred after it, and whatever the log has past the checkpoint. A log event that occurred before the
    /// snapshot's cut was logged late and is not in it: the caller must then start from an earlier snapshot.
    /// </summary>
    public Task<List<RecordedEvent>> OccurredTailAsync(
        NpgsqlConnection connection, Guid operationId, DateTimeOffset? after, FeedPosition checkpoint, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var sql = new SqlArguments();
        var cut = sql.Add(at);
        var since = after is { } instant ? $" and c.occurred_at > {sql.Add(instant)}" : string.Empty;
        return ReadAsync(connection, sql, $"""
            {Indexed($"""
                select c.global_position from {EventClockIndex.ClocksTable} c
                 where c.operation_id = {sql.Add(operationId)} and (c.transaction_id, c.global_position) <= {sql.Position(checkpoint)} and c.occurred_at <= {cut}{since}
                """)}
            union all
            {PastCheckpoint(sql, operationId, checkpoint, "occurred_at", cut)}
             order by occurred_at, transaction_id, global_position
            """, cancellationToken);
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

    /// <summary>The indexed events of the operation that occurred after an instant (none: all), in occurred order: what an occurred-clock snapshot folds next.</summary>
    public Task<List<RecordedEvent>> IndexedAfterInstantAsync(NpgsqlConnection connection, Guid operationId, DateTimeOffset? after, CancellationToken cancellationToken)
    {
        var sql = new SqlArguments();
        var since = after is { } instant ? $" and c.occurred_at > {sql.Add(instant)}" : string.Empty;
        return ReadAsync(connection, sql, $"""
            {Indexed($"select c.global_position from {EventClockIndex.ClocksTable} c where c.operation_id = {sql.Add(operationId)}{since}")}
             order by e.occurred_at, e.transaction_id, e.global_position
            """, cancellationToken);
    }

    // The events at the positions the index query selects, each by primary key: as an array built first, so the planner
    // cannot choose to join the index rows against a scan of the whole log.
    private string Indexed(string positions) => $"""
        select {Columns} from {Events} e where e.global_position = any(array(
            {positions}))
        """;

    // Events committed after the checkpoint, which the index does not have yet: few, unless the projection is behind.
    private string PastCheckpoint(SqlArguments sql, Guid operationId, FeedPosition checkpoint, string clockColumn, string cut) => $"""
        select {Columns} from {Events} e
         where (e.transaction_id, e.global_position) > {sql.Position(checkpoint)} and e.{clockColumn} <= {cut}
           and exists (select from {Events} f where f.stream_id = e.stream_id and f.stream_version = 1 and f.data ->> 'operationId' = {sql.Add(operationId.ToString())})
        """;

    private static string Column(AuditClock clock) => clock == AuditClock.Recorded ? "recorded_at" : "occurred_at";

    private static string Order(AuditClock clock) =>
        clock == AuditClock.Recorded ? "e.transaction_id, e.global_position" : "e.occurred_at, e.transaction_id, e.global_position";

    private async Task<List<RecordedEvent>> ReadAsync(NpgsqlConnection connection, SqlArguments sql, string text, CancellationToken cancellationToken)
    {
        await using var command = sql.Command(text, connection);
        return await EventRows.ReadAll(command, store.Value.Serializer, cancellationToken);
    }
}
