using Npgsql;
using NpgsqlTypes;

namespace RaidCommand.EventStore.Appending;

/// <summary>
/// One event to one stream, the shape of most appends (an officer's entry, a decision), as a prepared batch of two
/// statements sent in one round trip and run in one transaction. <see cref="OneEventPerStreamAppend"/> and the append
/// function handle the other shapes; all three write the same rows, lock the same keys and hash the same canonical
/// text, so readers cannot tell them apart.
/// <para>
/// Why two statements: the stream's lock must be held before anything gives the transaction an id (see the feed's
/// ordering argument in docs/architecture.md), and the stream's head must then be read with a snapshot taken after
/// the lock was granted, so that a writer that waited for the lock sees what its predecessor committed. Under read
/// committed each statement takes a fresh snapshot, so the lock is its own statement and the head is read by the next.
/// </para>
/// </summary>
internal sealed class SingleEventAppend(string schema, EventSerializer serializer) : IAppendWriter
{
    /// <summary>Built once: the statement is long, and Npgsql finds the prepared statement by its text.</summary>
    private readonly string _insertSql = InsertSql(schema);

    public string Name => "single-event";

    public bool Fits(IReadOnlyList<StreamAppend> appends) => appends.Count == 1 && appends[0].Events.Count == 1;

    public async Task<AppendResult> ExecuteAsync(NpgsqlConnection connection, IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken)
    {
        var append = appends[0];
        var @event = append.Events[0];
        var (type, json) = serializer.Serialize(@event.Data);
        await using var batch = new NpgsqlBatch(connection);

        var lockStream = new NpgsqlBatchCommand(LockSql);
        lockStream.Parameters.Add(Parameter(NpgsqlDbType.Text, append.StreamId));
        batch.BatchCommands.Add(lockStream);

        var insert = new NpgsqlBatchCommand(_insertSql);
        insert.Parameters.Add(Parameter(NpgsqlDbType.Text, append.StreamId));
        insert.Parameters.Add(Parameter(NpgsqlDbType.Bigint, append.Expected.Value));
        insert.Parameters.Add(Parameter(NpgsqlDbType.Uuid, @event.EventId));
        insert.Parameters.Add(Parameter(NpgsqlDbType.Text, type.Name));
        insert.Parameters.Add(Parameter(NpgsqlDbType.Integer, type.SchemaVersion));
        insert.Parameters.Add(Parameter(NpgsqlDbType.Jsonb, json));
        insert.Parameters.Add(Parameter(NpgsqlDbType.Text, @event.Metadata.ActorId));
        insert.Parameters.Add(Parameter(NpgsqlDbType.Text, @event.Metadata.ActorRole));
        insert.Parameters.Add(Parameter(NpgsqlDbType.Text, @event.Metadata.DeviceId));
        insert.Parameters.Add(Parameter(NpgsqlDbType.Text, @event.Metadata.CorrelationId));
        insert.Parameters.Add(Parameter(NpgsqlDbType.Text, @event.Metadata.CausationId));
        insert.Parameters.Add(Parameter(NpgsqlDbType.Text, @event.Metadata.CommandId));
        insert.Parameters.Add(Parameter(NpgsqlDbType.TimestampTz, @event.OccurredAt.UtcDateTime));
        batch.BatchCommands.Add(insert);

        // Prepared once per physical connection (a no-op afterwards): the statements are planned once, not per append.
        await batch.PrepareAsync(cancellationToken);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The single-event append returned no row.");
        }

        var version = reader.GetInt64(0);
        if (reader.IsDBNull(1))
        {
            throw new WrongExpectedVersionException(append.StreamId, append.Expected, version);
        }

        var position = new FeedPosition(reader.GetFieldValue<ulong>(2), reader.GetInt64(1));
        return new AppendResult([new AppendedEvent(append.StreamId, version, position)], WasDuplicate: false);
    }

    private static NpgsqlParameter Parameter(NpgsqlDbType type, object? value) =>
        new() { NpgsqlDbType = type, Value = value ?? DBNull.Value };

    /// <summary>The same lock key as the append function takes, so both paths exclude each other per stream.</summary>
    private const string LockSql = "select pg_advisory_xact_lock(hashtextextended($1, 0))";

    /// <summary>
    /// Reads the head, checks the expected version, stores the event with its version, position and hash, and moves
    /// the head, in one statement. A wrong expected version writes nothing and returns the actual version with a null
    /// position. An event id already stored fails on events_event_id_unique; the store resolves that as a retry.
    /// </summary>
    private static string InsertSql(string schema) => $"""
        with head as materialized (
            select coalesce(h.version, 0) as version, coalesce(h.head_hash, '\x'::bytea) as head_hash
              from (select 1) as one
              left join lateral (select s.version, s.head_hash from {schema}.streams s where s.stream_id = $1 limit 1) h on true
        ), next as materialized (
            select nextval('{schema}.events_position_seq') as position, h.version + 1 as version, h.head_hash as previous_hash,
                   clock_timestamp() as recorded_at, pg_current_xact_id() as transaction_id
              from head h
             where $2 = -1 or $2 = h.version
        ), inserted as (
            insert into {schema}.events ({AppendSql.EventsColumns})
            select n.position, $1, n.version, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, n.recorded_at, n.transaction_id,
                   n.previous_hash,
                   sha256(n.previous_hash || {schema}.canonical_event(
                       n.position, $1, n.version, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, n.recorded_at, n.transaction_id))
              from next n
            returning stream_id, stream_version, global_position, transaction_id, hash, recorded_at
        ), {AppendSql.MoveHeads(schema)}
        select i.stream_version, i.global_position, i.transaction_id from inserted i
        union all
        select h.version, null, null from head h where not ($2 = -1 or $2 = h.version)
        """;
}
