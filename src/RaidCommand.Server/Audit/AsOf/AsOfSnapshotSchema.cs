using Npgsql;
using RaidCommand.EventStore.Projections;
using RaidCommand.Server.Hosting;
using RaidCommand.Server.ReadModels;

namespace RaidCommand.Server.Audit.AsOf;

/// <summary>
/// Creates the snapshot projection's tables and, when they hold snapshots of a fold version this code does not
/// produce (the view's type or the fold's revision changed), rebuilds the projection so that every operation gets
/// snapshots it can use. Queries ignore foreign versions anyway; the rebuild is what makes them fast again.
/// </summary>
public sealed class AsOfSnapshotSchema(NpgsqlDataSource dataSource, AsOfFolds folds, ProjectionAdmin projections, ILogger<AsOfSnapshotSchema> logger)
    : IDatabaseSchema
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using (var command = dataSource.CreateCommand(
            $"create schema if not exists {ReadModelStore.Schema};\n{EventClockIndex.CreateTablesSql}\n{AsOfSnapshots.CreateTableSql}"))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var foreign = await ForeignVersionsAsync(cancellationToken);
        if (foreign.Count > 0)
        {
            logger.LogInformation("As-of snapshots of other fold versions ({Versions}) found; rebuilding {Projection}",
                string.Join(", ", foreign.Select(v => $"{v.View} {v.Version}")), AsOfSnapshotProjection.ProjectionName);
            await projections.RebuildAsync(AsOfSnapshotProjection.ProjectionName, cancellationToken);
        }
    }

    public async Task<bool> IsUpToDateAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select count(*) from information_schema.tables where table_schema = $1 and table_name = any($2)");
        command.Parameters.Add(new NpgsqlParameter { Value = ReadModelStore.Schema });
        string[] tables = [.. new[] { AsOfSnapshots.Table, EventClockIndex.ClocksTable, EventClockIndex.OperationsTable }.Select(t => t[(ReadModelStore.Schema.Length + 1)..])];
        command.Parameters.Add(new NpgsqlParameter { Value = tables });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == tables.Length;
    }

    private async Task<List<(string View, string Version)>> ForeignVersionsAsync(CancellationToken cancellationToken)
    {
        var current = folds.All.Select(f => (f.View, f.Version)).ToHashSet();
        return [.. (await AsOfSnapshots.StoredVersionsAsync(dataSource, cancellationToken)).Where(v => !current.Contains(v))];
    }
}
