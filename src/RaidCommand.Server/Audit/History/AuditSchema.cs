using Npgsql;
using RaidCommand.EventStore;
using RaidCommand.Server.Hosting;

namespace RaidCommand.Server.Audit.History;

/// <summary>
/// The index behind <see cref="OperationHistory"/>: each stream's first event by the operation it names. Partial, so
/// it holds one entry per stream, not per event. Built concurrently-safe with "if not exists" on every start.
/// </summary>
public sealed class AuditSchema(NpgsqlDataSource dataSource, EventStoreOptions options) : IDatabaseSchema
{
    private const string IndexName = "events_first_by_operation";

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"create index if not exists {IndexName} on {options.Schema}.events ((data ->> 'operationId')) where stream_version = 1");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> IsUpToDateAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select exists (select from pg_indexes where schemaname = $1 and indexname = $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = options.Schema });
        command.Parameters.Add(new NpgsqlParameter { Value = IndexName });
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }
}
