using Microsoft.Extensions.Logging.Abstractions;
using RaidCommand.EventStore.Schema;
using RaidCommand.Testing;

namespace RaidCommand.EventStore.Tests.Schema;

public sealed class SchemaMigratorTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Nodes_starting_together_migrate_once_and_agree_the_schema_is_current()
    {
        var options = new EventStoreOptions { Schema = $"m_{Guid.NewGuid():N}"[..20] };
        var migrators = Enumerable.Range(0, 4)
            .Select(_ => new SchemaMigrator(database.DataSource, options, NullLogger<SchemaMigrator>.Instance))
            .ToList();
        Assert.False(await migrators[0].IsUpToDateAsync(CancellationToken.None));

        await Task.WhenAll(migrators.Select(m => m.MigrateAsync(CancellationToken.None)));
        await migrators[0].MigrateAsync(CancellationToken.None);

        Assert.True(await migrators[1].IsUpToDateAsync(CancellationToken.None));
        await using var command = database.DataSource.CreateCommand($"select count(*) from {options.Schema}.schema_migrations");
        Assert.Equal((long)SchemaMigrator.LatestVersion, await command.ExecuteScalarAsync());
    }
}
