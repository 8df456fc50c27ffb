using Npgsql;
using RaidCommand.EventStore.Projections;
using RaidCommand.Server.Hosting;
using RaidCommand.Server.ReadModels;

namespace RaidCommand.Server.Audit.AsOf;

/// <summary>
/// Creates the snapshot projection's tables and rebuilds the projection when what it stored cannot be used: snapshots of
/// a fold version this code does not produce (the view's type or the fold's revision changed), or tables of another
/// <see cref="Layout"/>. Derived data is never migrated: tables of another layout are dropped and created anew, and the
/// feed replays into them. Queries ignore foreign versions anyway; the rebuild is what makes them fast again.
/// </summary>
public sealed class AsOfSnapshotSchema(NpgsqlDataSource dataSource, AsOfFolds folds, ProjectionAdmin projections, ILogger<AsOfSnapshotSchema> logger)
    : IDatabaseSchema
{
    /// <summary>
    /// The tables' layout, stamped as the clock index's table comment. Bump it with any change to a table's columns or
    /// to what they mean. Layout 2: the occurred clock indexed by effective occurred time, with the stream clocks it goes on from.
    /// </summary>
    public const string Layout = "as-of layout 2";

    private static readonly string[] Tables = [AsOfSnapshots.Table, EventClockIndex.ClocksTable, EventClockIndex.OperationsTable, StreamClocks.Table];

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var replaced = await CreateTablesAsync(cancellationToken);
        var foreign = await ForeignVersionsAsync(cancellationToken);
        if (replaced || foreign.Count > 0)
        {
            logger.LogInformation("As-of snapshot tables of another layout ({Replaced}) or snapshots of other fold versions ({Versions}) found; rebuilding {Projection}",
                replaced, string.Join(", ", foreign.Select(v => $"{v.View} {v.Version}")), AsOfSnapshotProjection.ProjectionName);
            await projections.RebuildAsync(AsOfSnapshotProjection.ProjectionName, cancellationToken);
        }
    }

    public async Task<bool> IsUpToDateAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select count(*) = {Tables.Length} and bool_and(obj_description(to_regclass('{EventClockIndex.ClocksTable}'), 'pg_class') is not distinct from $3)"
            + " from information_schema.tables where table_schema = $1 and table_name = any($2)");
        command.Parameters.Add(new NpgsqlParameter { Value = ReadModelStore.Schema });
        command.Parameters.Add(new NpgsqlParameter { Value = Tables.Select(t => t[(ReadModelStore.Schema.Length + 1)..]).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = Layout });
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>
    /// Creates what is missing, first dropping tables of another layout; true when it dropped them. One transaction under
    /// an advisory lock, so nodes starting together replace the tables once and none sees them half made.
    /// </summary>
    private async Task<bool> CreateTablesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(
            $"select pg_advisory_xact_lock(hashtext('{Layout}')); create schema if not exists {ReadModelStore.Schema};", connection))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var layout = new NpgsqlCommand(
            $"select to_regclass('{EventClockIndex.ClocksTable}') is not null, obj_description(to_regclass('{EventClockIndex.ClocksTable}'), 'pg_class')", connection);
        bool replace;
        await using (var reader = await layout.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            replace = reader.GetBoolean(0) && (reader.IsDBNull(1) || reader.GetString(1) != Layout);
        }

        var drop = replace ? $"drop table if exists {string.Join(", ", Tables)};\n" : string.Empty;
        await using (var create = new NpgsqlCommand(
            $"{drop}{EventClockIndex.CreateTablesSql}\n{AsOfSnapshots.CreateTableSql}\ncomment on table {EventClockIndex.ClocksTable} is '{Layout}';", connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return replace;
    }

    private async Task<List<(string View, string Version)>> ForeignVersionsAsync(CancellationToken cancellationToken)
    {
        var current = folds.All.Select(f => (f.View, f.Version)).ToHashSet();
        return [.. (await AsOfSnapshots.StoredVersionsAsync(dataSource, cancellationToken)).Where(v => !current.Contains(v))];
    }
}
