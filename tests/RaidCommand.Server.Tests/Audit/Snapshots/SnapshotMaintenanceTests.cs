using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RaidCommand.Server.Audit.AsOf;
using RaidCommand.Server.Hosting;
using RaidCommand.Server.Tests.Security;

namespace RaidCommand.Server.Tests.Audit.Snapshots;

/// <summary>Snapshots are derived data: rebuilt from the log with the same answers, and never used when they cannot be trusted.</summary>
public sealed class SnapshotMaintenanceTests(SnapshotsFactory factory) : IClassFixture<SnapshotsFactory>
{
    [Fact]
    public async Task A_rebuild_of_the_snapshots_gives_the_same_answers()
    {
        var raid = await RaidWithEntriesAsync();
        await factory.WaitForSnapshotsAsync();
        var before = await SnapshotRowsAsync(raid.Raid.OperationId);
        Assert.NotEmpty(before);

        using var rebuild = await raid.Client(Caller.Administrator).Http.PostAsync(
            new Uri($"/api/admin/projections/{AsOfSnapshotProjection.ProjectionName}/rebuild", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, rebuild.StatusCode);
        await factory.WaitForSnapshotsAsync();

        // The recorded chain is cut every interval from the first event, so it comes back identical; the occurred chain
        // may be cut elsewhere (it depends on when late entries came), so only its answers are compared.
        Assert.Equal(before.Where(r => r.StartsWith("recorded", StringComparison.Ordinal)),
            (await SnapshotRowsAsync(raid.Raid.OperationId)).Where(r => r.StartsWith("recorded", StringComparison.Ordinal)));
        await AsOfAgreement.AssertSnapshotsAgreeWithFullReplayAsync(factory.Services, raid.Raid.OperationId);
    }

    [Fact]
    public async Task Snapshots_of_another_fold_version_are_ignored_and_make_the_next_start_rebuild_them()
    {
        var raid = await RaidWithEntriesAsync();
        await factory.WaitForSnapshotsAsync();
        await StoreMisleadingSnapshotAsync(raid.Raid.OperationId, "r0-0123456789abcdef");

        await AsOfAgreement.AssertSnapshotsAgreeWithFullReplayAsync(factory.Services, raid.Raid.OperationId);

        await factory.Services.GetServices<IDatabaseSchema>().OfType<AsOfSnapshotSchema>().Single().MigrateAsync(CancellationToken.None);
        await factory.WaitForSnapshotsAsync();
        Assert.DoesNotContain(await SnapshotRowsAsync(raid.Raid.OperationId), r => r.Contains("r0-0123456789abcdef", StringComparison.Ordinal));
        Assert.NotEmpty(await SnapshotRowsAsync(raid.Raid.OperationId));
        await AsOfAgreement.AssertSnapshotsAgreeWithFullReplayAsync(factory.Services, raid.Raid.OperationId);
    }

    [Fact]
    public async Task Tables_of_an_older_layout_are_replaced_and_the_snapshots_rebuilt_from_the_log()
    {
        var raid = await RaidWithEntriesAsync();
        await factory.WaitForSnapshotsAsync();
        // The first layout: occurred times as stated, no stream clocks, no layout stamp.
        await ExecuteAsync($"""
            alter table {EventClockIndex.ClocksTable} rename column effective_occurred_at to occurred_at;
            drop table {StreamClocks.Table};
            comment on table {EventClockIndex.ClocksTable} is null
            """);
        var schema = factory.Services.GetServices<IDatabaseSchema>().OfType<AsOfSnapshotSchema>().Single();
        Assert.False(await schema.IsUpToDateAsync(CancellationToken.None));

        await schema.MigrateAsync(CancellationToken.None);
        await factory.WaitForSnapshotsAsync();

        Assert.True(await schema.IsUpToDateAsync(CancellationToken.None));
        Assert.NotEmpty(await SnapshotRowsAsync(raid.Raid.OperationId));
        await AsOfAgreement.AssertSnapshotsAgreeWithFullReplayAsync(factory.Services, raid.Raid.OperationId);
    }

    [Fact]
    public async Task Snapshots_are_not_used_once_the_projection_has_dead_lettered_an_event()
    {
        var raid = await RaidWithEntriesAsync();
        await factory.WaitForSnapshotsAsync();
        // A snapshot of the right version that holds nothing: used, it would make every board vanish.
        await StoreMisleadingSnapshotAsync(raid.Raid.OperationId, factory.Services.GetRequiredService<AsOfFolds>().Board.Version);
        await SetProjectionStatusAsync("dead-lettered");
        try
        {
            await AsOfAgreement.AssertSnapshotsAgreeWithFullReplayAsync(factory.Services, raid.Raid.OperationId);
        }
        finally
        {
            await SetProjectionStatusAsync("running");
            await ExecuteAsync($"delete from {AsOfSnapshots.Table} where operation_id = $1 and event_count >= 1000000", raid.Raid.OperationId);
        }
    }

    private async Task<SecuredRaid> RaidWithEntriesAsync()
    {
        var raid = await SecuredRaid.CreateAsync(factory);
        await raid.Raid.BreachAsync(raid.OtherSite);
        for (var i = 0; i < 3; i++)
        {
            await raid.Raid.ArrestAsync(raid.OtherSite, $"Suspect {i}");
            await raid.Raid.SeizeAsync(raid.OtherSite, "Phone", 2);
        }

        return raid;
    }

    private async Task StoreMisleadingSnapshotAsync(Guid operationId, string foldVersion) =>
        await ExecuteAsync($"""
            insert into {AsOfSnapshots.Table} (view_name, operation_id, clock, fold_version, event_count, transaction_id, global_position, instant, state)
            select $2, $1, clock, $3, 1000000, '1'::xid8, 1, '-infinity', $4 from unnest(array['recorded', 'occurred']) as clock
            """, operationId, factory.Services.GetRequiredService<AsOfFolds>().Board.View, foldVersion, Encoding.UTF8.GetBytes("{}"));

    private Task SetProjectionStatusAsync(string status) =>
        ExecuteAsync("update eventstore.projections set status = $2 where name = $1", AsOfSnapshotProjection.ProjectionName, status);

    private Task<List<string>> SnapshotRowsAsync(Guid operationId) => AsOfAgreement.SnapshotRowsAsync(factory.Services, operationId);

    private async Task ExecuteAsync(string sql, params object[] values)
    {
        await using var command = factory.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync();
    }
}
