using Npgsql;
using NpgsqlTypes;

namespace RaidCommand.EventStore.Appending;

/// <summary>
/// One event to each of several streams: the shape of a group commit of single-event appends (<see cref="AppendGroups"/>),
/// and of a command that writes one event to each stream it touches. A prepared batch of two statements in one round
/// trip, set-based: no stream gets two events, so no event's hash depends on another's, and the chain needs no loop.
/// It writes the same rows, takes the same locks and hashes the same canonical text as the other two writers.
/// <para>
/// Why two statements: as for <see cref="SingleEventAppend"/>, the locks must all be held before anything gives the
/// transaction an id, and the heads must then be read with a snapshot taken after they were granted.
/// </para>
/// </summary>
internal sealed class OneEventPerStreamAppend(string schema, EventSerializer serializer) : IAppendWriter
{
    /// <summary>Built once: the statement is long, and Npgsql finds the prepared statement by its text.</summary>
    private readonly string _insertSql = InsertSql(schema);

    public string Name => "one-event-per-stream";

    public bool Fits(IReadOnlyList<StreamAppend> appends) => appends.Count > 1 && appends.All(a => a.Events.Count == 1);

    public async Task<AppendResult> ExecuteAsync(NpgsqlConnection connection, IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken)
    {
        var count = appends.Count;
        var streamIds = new string[count];
        var expected = new long[count];
        var events = new EventColumns(count);
        for (var i = 0; i < count; i++)
        {
            streamIds[i] = appends[i].StreamId;
            expected[i] = appends[i].Expected.Value;
            events.Set(i, appends[i].Events[0], serializer);
        }

        await using var batch = new NpgsqlBatch(connection);
        var lockStreams = new NpgsqlBatchCommand(LockSql);
        lockStreams.Parameters.Add(EventColumns.Array(NpgsqlDbType.Text, streamIds));
        batch.BatchCommands.Add(lockStreams);

        var insert = new NpgsqlBatchCommand(_insertSql);
        insert.Parameters.Add(EventColumns.Array(NpgsqlDbType.Text, streamIds));
        insert.Parameters.Add(EventColumns.Array(NpgsqlDbType.Bigint, expected));
        events.AddTo(insert.Parameters);
        batch.BatchCommands.Add(insert);

        // Prepared once per physical connection (a no-op afterwards), as the single-event batch is.
        await batch.PrepareAsync(cancellationToken);
        var written = new Dictionary<string, AppendedEvent>(count, StringComparer.Ordinal);
        var actual = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var streamId = reader.GetString(0);
                if (reader.IsDBNull(2))
                {
                    actual[streamId] = reader.GetInt64(1);
                }
                else
                {
                    written[streamId] = new AppendedEvent(streamId, reader.GetInt64(1), new FeedPosition(reader.GetFieldValue<ulong>(3), reader.GetInt64(2)));
                }
            }
        }

        if (actual.Count > 0)
        {
            // Nothing was written. The first conflicting stream in the order given, so the answer does not vary.
            var conflict = appends.First(a => actual.ContainsKey(a.StreamId));
            throw new WrongExpectedVersionException(conflict.StreamId, conflict.Expected, actual[conflict.StreamId]);
        }

        return new AppendResult([.. appends.Select(a => written[a.StreamId])], WasDuplicate: false);
    }

    /// <summary>The append function's lock statement: the same keys, in the same (sorted) order.</summary>
    private const string LockSql =
        "select pg_advisory_xact_lock(k) from (select distinct hashtextextended(s, 0) as k from unnest($1) s order by 1) keys";

    /// <summary>
    /// Reads every head, checks every expected version, and only if all hold stores the events with their versions,
    /// positions and hashes and moves the heads, in one statement. Any wrong expected version writes nothing and
    /// returns each conflicting stream's actual version with a null position. An event id already stored fails on
    /// events_event_id_unique; the store resolves that as a retry.
    /// </summary>
    private static string InsertSql(string schema) => $"""
        with head as materialized (
            select t.*, coalesce(h.version, 0) as version, coalesce(h.head_hash, '\x'::bytea) as head_hash
              from unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                   as t(stream_id, expected, event_id, event_type, schema_version, data, actor_id, actor_role, device_id,
                        correlation_id, causation_id, command_id, occurred_at)
              left join lateral (select s.version, s.head_hash from {schema}.streams s where s.stream_id = t.stream_id limit 1) h on true
        ), conflict as materialized (
            select h.stream_id, h.version from head h where not (h.expected = -1 or h.expected = h.version)
        ), clock as materialized (
            select clock_timestamp() as recorded_at, pg_current_xact_id() as transaction_id
             where not exists (select 1 from conflict)
        ), next as materialized (
            select h.*, h.version + 1 as next_version, nextval('{schema}.events_position_seq') as position, c.recorded_at, c.transaction_id
              from head h cross join clock c
        ), inserted as (
            insert into {schema}.events ({AppendSql.EventsColumns})
            select n.position, n.stream_id, n.next_version, n.event_id, n.event_type, n.schema_version, n.data,
                   n.actor_id, n.actor_role, n.device_id, n.correlation_id, n.causation_id, n.command_id,
                   n.occurred_at, n.recorded_at, n.transaction_id, n.head_hash,
                   sha256(n.head_hash || {schema}.canonical_event(
                       n.position, n.stream_id, n.next_version, n.event_id, n.event_type, n.schema_version, n.data,
                       n.actor_id, n.actor_role, n.device_id, n.correlation_id, n.causation_id, n.command_id,
                       n.occurred_at, n.recorded_at, n.transaction_id))
              from next n
            returning stream_id, stream_version, global_position, transaction_id, hash, recorded_at
        ), {AppendSql.MoveHeads(schema)}
        select i.stream_id, i.stream_version, i.global_position, i.transaction_id from inserted i
        union all
        select c.stream_id, c.version, null, null from conflict c
        """;
}
