using Npgsql;

namespace RaidCommand.EventStore.Projections;

/// <summary>SQL for the projections table: reading, fencing and moving checkpoints, recording dead letters.</summary>
internal sealed class ProjectionCheckpoints(EventStoreOptions options)
{
    private readonly string _schema = options.Schema;

    public async Task EnsureExists(NpgsqlConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"insert into {_schema}.projections (name) values ($1) on conflict (name) do nothing", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Locks the projection's row for this transaction and returns its checkpoint; a rebuild waits on the same lock.</summary>
    public async Task<FeedPosition> Lock(NpgsqlConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select last_transaction_id::text, last_position from {_schema}.projections where name = $1 for update", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException($"Projection '{name}' has no checkpoint row.");
        }

        return new FeedPosition(ulong.Parse(reader.GetString(0), System.Globalization.CultureInfo.InvariantCulture), reader.GetInt64(1));
    }

    public async Task Advance(NpgsqlConnection connection, string name, FeedPosition to, int applied, string? leader, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            update {_schema}.projections
               set last_transaction_id = $2::xid8, last_position = $3, events_applied = events_applied + $4,
                   leader = $5, updated_at = now()
             where name = $1
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = to.TransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        command.Parameters.Add(new NpgsqlParameter { Value = to.GlobalPosition });
        command.Parameters.Add(new NpgsqlParameter { Value = applied });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)leader ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeadLetter(NpgsqlConnection connection, string name, RecordedEvent failed, Exception error, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command($"""
                    insert into {_schema}.dead_letters (projection, global_position, transaction_id, event_id, event_type, error)
                    values ($1, $2, $3::xid8, $4, $5, $6) on conflict (projection, event_id) do nothing
                    """,
                    name, failed.Position.GlobalPosition, failed.Position.TransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
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
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return command;
    }
}
