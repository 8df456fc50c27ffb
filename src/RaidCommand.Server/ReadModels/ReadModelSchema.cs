using Npgsql;

namespace RaidCommand.Server.ReadModels;

/// <summary>
/// Creates the read-model tables. They are disposable by design: a projection can always be rebuilt from
/// the event log, so their shape changes by a new table name (and a rebuild), not by data migrations.
/// </summary>
public sealed class ReadModelSchema(NpgsqlDataSource dataSource, IEnumerable<IReadModelTable> tables)
{
    public async Task CreateAsync(CancellationToken cancellationToken)
    {
        var sql = $"create schema if not exists {ReadModelStore.Schema};\n"
            + StreamOperationIndex.CreateTableSql + "\n"
            + string.Join('\n', tables.Select(t => ReadModelStore.CreateTableSql(t.Table)));
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> ExistsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select count(*) from information_schema.tables where table_schema = $1 and table_name = any($2)");
        command.Parameters.Add(new NpgsqlParameter { Value = ReadModelStore.Schema });
        var names = tables.Select(t => t.Table).ToArray();
        command.Parameters.Add(new NpgsqlParameter { Value = names });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == names.Length;
    }
}
