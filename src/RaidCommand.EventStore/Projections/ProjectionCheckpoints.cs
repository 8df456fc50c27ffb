using Npgsql;
using RaidCommand.EventStore.Feed;
using RaidCommand.EventStore.Reading;

namespace RaidCommand.EventStore.Projections;

/// <summary>SQL for the projections table: reading, fencing and moving checkpoints, recording dead letters.</summary>
internal sealed class ProjectionCheckpoints(EventStoreOptions options)
{
    /// <summary>Lock class of the page locks (the leadership locks have their own, see ProjectionRunner).</summary>
    private const int PageLockClass = 0x52430002;

    private readonly string _schema = options.Schema;

    // The checkpoint as a row (transaction id, position); also the page query's "after" in LockAndReadPage.
    private string CheckpointSql => $"select last_transaction_id, last_position from {_schema}.projections where name = $1";

    public async Task EnsureExists(NpgsqlConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"insert into {_schema}.projections (name) values ($1) on conflict (name) do nothing", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Takes the projection's page lock for this transaction and returns its checkpoint, in one round trip. Runners
    /// and rebuilds take it first, so they never overlap. It is an advisory lock: unlike a row lock it is not written
    /// to the WAL and gives the transaction no id. Unless <paramref name="durable"/>, the transaction's commit will not
    /// wait for its WAL to reach disk (see <see cref="EventStoreOptions.DurableProjectionCommits"/>).
    /// </summary>
    public async Task<FeedPosition> LockPage(NpgsqlConnection connection, string name, bool durable, CancellationToken cancellationToken)
    {
        await using var batch = LockBatch(connection, name, durable);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        return await ReadCheckpoint(reader, name, cancellationToken);
    }

    /// <summary>
    /// Takes the page lock as <see cref="LockPage"/> does and reads the page after the checkpoint, in the same round trip:
    /// the page query reads the checkpoint itself, after the lock, so it reads from the position a rebuild or the last
    /// page left, never from a stale one.
    /// </summary>
    public async Task<FeedPage> LockAndReadPage(
        NpgsqlConnection connection, string name, bool durable, EventFeed feed, int pageSize, CancellationToken cancellationToken)
    {
        await using var batch = LockBatch(connection, name, durable);
        batch.BatchCommands.Add(Command(
            feed.PageSql(CheckpointSql, "$2"), name, pageSize));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await ReadCheckpoint(reader, name, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        return await feed.ReadPageAsync(reader, pageSize, cancellationToken);
    }

    private NpgsqlBatch LockBatch(NpgsqlConnection connection, string name, bool durable)
    {
        var batch = new NpgsqlBatch(connection);
        if (!durable)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("set local synchronous_commit = off"));
        }

        batch.BatchCommands.Add(Command("select pg_advisory_xact_lock($1, hashtext($2))", PageLockClass, $"{_schema}:{name}"));
        batch.BatchCommands.Add(Command(CheckpointSql, name));
        return batch;
    }

    private static async Task<FeedPosition> ReadCheckpoint(NpgsqlDataReader reader, string name, CancellationToken cancellationToken)
    {
        // The reader starts on the first statement that returns rows, the lock's (the setting returns none); the next is the checkpoint.
        await reader.NextResultAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException($"Projection '{name}' has no checkpoint row.");
        }

        return CheckpointOf(reader);
    }

    /// <summary>The committed checkpoint, read outside any page (no lock); null before the projection's first run.</summary>
    public async Task<FeedPosition?> Find(NpgsqlDataSource dataSource, string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(CheckpointSql);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? CheckpointOf(reader) : null;
    }

    private static FeedPosition CheckpointOf(NpgsqlDataReader reader) => new(reader.GetFieldValue<ulong>(0), reader.GetInt64(1));

    /// <summary>The checkpoint's move past a page, to send with the page's writes (see <see cref="ProjectionPage"/>).</summary>
    public NpgsqlBatchCommand Advance(string name, FeedPosition to, int applied, string? leader) =>
        Command($"""
            update {_schema}.projections
               set last_transaction_id = $2, last_position = $3, events_applied = events_applied + $4,
                   leader = $5, updated_at = now()
             where name = $1
            """,
            name, Xid8.Parameter(to.TransactionId), to.GlobalPosition, applied, new NpgsqlParameter { Value = (object?)leader ?? DBNull.Value });

    public async Task DeadLetter(NpgsqlConnection connection, string name, RecordedEvent failed, Exception error, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command($"""
                    insert into {_schema}.dead_letters (projection, global_position, transaction_id, event_id, event_type, error)
                    values ($1, $2, $3, $4, $5, $6) on conflict (projection, event_id) do nothing
                    """,
                    name, failed.Position.GlobalPosition, Xid8.Parameter(failed.Position.TransactionId),
                    failed.EventId, failed.EventType, error.ToString()),
                Command($"update {_schema}.projections set status = 'dead-lettered', last_error = $2, updated_at = now() where name = $1", name, error.Message),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task Reset(NpgsqlConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command($"""
                    update {_schema}.projections
                       set last_transaction_id = '0'::xid8, last_position = 0, events_applied = 0, status = 'running', last_error = null, updated_at = now()
                     where name = $1
                    """, name),
                Command($"delete from {_schema}.dead_letters where projection = $1", name),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter as NpgsqlParameter ?? new NpgsqlParameter { Value = parameter });
        }

        return command;
    }
}
