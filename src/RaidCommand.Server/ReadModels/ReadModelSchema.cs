using Npgsql;
using RaidCommand.EventStore.Projections;

namespace RaidCommand.Server.ReadModels;

/// <summary>
/// Creates the read-model tables, and rebuilds a projection whose rows were folded by another version of its code.
/// They are disposable by design: a projection can always be rebuilt from the event log, so their shape changes by a
/// rebuild, not by data migrations. Each table's comment holds the <see cref="IReadModelTable.Version"/> its rows were
/// folded by; a table without one (made before versions were stamped) counts as another version.
/// </summary>
public sealed class ReadModelSchema(
    NpgsqlDataSource dataSource, IEnumerable<IReadModelTable> tables, ProjectionAdmin projections, ILogger<ReadModelSchema> logger)
{
    private const string VersionLock = "read-model versions";

    public async Task CreateAsync(CancellationToken cancellationToken)
    {
        // One node at a time: the second to start finds the versions stamped and rebuilds nothing.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await Execute(connection, $"select pg_advisory_lock(hashtext('{VersionLock}'))", cancellationToken);
        try
        {
            var existing = await StampsAsync(connection, cancellationToken);
            await Execute(connection, $"create schema if not exists {ReadModelStore.Schema};\n"
                + StreamOriginIndex.CreateTableSql + "\n"
                + string.Join('\n', tables.Select(t => ReadModelStore.CreateTableSql(t.Table))), cancellationToken);
            foreach (var table in tables)
            {
                if (IsCurrent(existing, table))
                {
                    continue;
                }

                if (existing.TryGetValue(table.Table, out var stamped))
                {
                    logger.LogInformation("Read model {Table} was folded by version {Stamped}, this code folds {Version}; rebuilding {Projection}",
                        table.Table, stamped ?? "(none)", table.Version, table.Name);
                    await projections.RebuildAsync(table.Name, cancellationToken);
                }

                // Stamped after the rebuild: a node stopped in between rebuilds again on its next start.
                await Execute(connection, $"comment on table {ReadModelStore.Schema}.{table.Table} is '{table.Version}'", cancellationToken);
            }
        }
        finally
        {
            await Execute(connection, $"select pg_advisory_unlock(hashtext('{VersionLock}'))", CancellationToken.None);
        }
    }

    /// <summary>True when every table exists and is stamped with the version this code folds.</summary>
    public async Task<bool> ExistsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var stamps = await StampsAsync(connection, cancellationToken);
        return tables.All(t => IsCurrent(stamps, t));
    }

    private static bool IsCurrent(Dictionary<string, string?> stamps, IReadModelTable table) =>
        stamps.TryGetValue(table.Table, out var stamped) && stamped == table.Version;

    /// <summary>The version comment of every existing read-model table (null for a table without one).</summary>
    private static async Task<Dictionary<string, string?>> StampsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            select c.relname, obj_description(c.oid, 'pg_class')
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = $1 and c.relkind in ('r', 'p')
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = ReadModelStore.Schema });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var stamps = new Dictionary<string, string?>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            stamps[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
        }

        return stamps;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
