using Npgsql;
using RaidCommand.EventStore;
using RaidCommand.Server.ReadModels;

namespace RaidCommand.Server.Audit.AsOf;

/// <summary>
/// The stored state of <see cref="EffectiveOccurredTimes"/> at the snapshot projection's checkpoint: per stream the
/// instant its next event counts from at the earliest (<c>asof_stream_clocks</c>), and per operation the effective
/// time of its opening (<c>asof_operations.opened_at</c>, beside the operation's progress in the
/// <see cref="EventClockIndex"/>). Written in the checkpoint transaction, so a query that reads it in the same database
/// snapshot as the checkpoint can go on with the events the projection has not reached yet.
/// </summary>
public static class StreamClocks
{
    public const string Table = ReadModelStore.Schema + ".asof_stream_clocks";

    public static string CreateTableSql => $"""
        create table if not exists {Table} (
            stream_id    text primary key,
            operation_id uuid not null,
            counts_from  timestamptz not null);
        """;

    /// <summary>The state each operation's effective times go on from, holding every stream these events consult.</summary>
    public static async Task<Dictionary<Guid, EffectiveOccurredTimes>> LoadAsync(
        NpgsqlConnection connection, IReadOnlyCollection<(Guid OperationId, RecordedEvent Event)> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var operationIds = events.Select(e => e.OperationId).Distinct().ToArray();
        var streamIds = events.SelectMany(e => EffectiveOccurredTimes.StreamsConsulted(e.Event)).Distinct(StringComparer.Ordinal).ToArray();
        var sql = new SqlArguments();
        var (operations, streams) = (sql.Add(operationIds), sql.Add(streamIds));
        await using var command = sql.Command($"""
            select o.operation_id, null, o.opened_at from {EventClockIndex.OperationsTable} o where o.operation_id = any({operations}) and o.opened_at is not null
            union all
            select s.operation_id, s.stream_id, s.counts_from from {Table} s where s.stream_id = any({streams})
            """, connection);
        var opened = new Dictionary<Guid, DateTimeOffset>();
        var standings = operationIds.ToDictionary(id => id, _ => new List<KeyValuePair<string, DateTimeOffset>>());
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var (operationId, at) = (reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(2));
                if (reader.IsDBNull(1))
                {
                    opened[operationId] = at;
                }
                else if (standings.TryGetValue(operationId, out var list))
                {
                    list.Add(KeyValuePair.Create(reader.GetString(1), at));
                }
            }
        }

        return standings.ToDictionary(s => s.Key, s => new EffectiveOccurredTimes(opened.TryGetValue(s.Key, out var at) ? at : null, s.Value));
    }

    /// <summary>
    /// What stores the states' changes: the streams whose standing moved and each operation's opening. Run after the
    /// <see cref="EventClockIndex"/> has written the operations' progress rows, which hold the opening.
    /// </summary>
    public static IEnumerable<NpgsqlBatchCommand> SaveCommands(IReadOnlyDictionary<Guid, EffectiveOccurredTimes> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        var changed = states.SelectMany(s => s.Value.Changed.Select(c => (OperationId: s.Key, StreamId: c.Key, CountsFrom: c.Value))).ToList();
        var streams = new SqlArguments();
        yield return streams.BatchCommand($"""
            insert into {Table} (stream_id, operation_id, counts_from)
            select * from unnest({streams.Add(changed.Select(c => c.StreamId).ToArray())}::text[], {streams.Add(changed.Select(c => c.OperationId).ToArray())}::uuid[],
                                 {streams.Add(changed.Select(c => c.CountsFrom.ToUniversalTime()).ToArray())}::timestamptz[])
            on conflict (stream_id) do update set counts_from = excluded.counts_from
            """);
        var opened = states.Where(s => s.Value.Opened is not null).ToList();
        var openings = new SqlArguments();
        yield return openings.BatchCommand($"""
            update {EventClockIndex.OperationsTable} o set opened_at = u.opened_at
              from unnest({openings.Add(opened.Select(s => s.Key).ToArray())}::uuid[], {openings.Add(opened.Select(s => s.Value.Opened!.Value.ToUniversalTime()).ToArray())}::timestamptz[]) as u(operation_id, opened_at)
             where o.operation_id = u.operation_id and o.opened_at is distinct from u.opened_at
            """);
    }

    public static async Task ResetAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"truncate {Table}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
