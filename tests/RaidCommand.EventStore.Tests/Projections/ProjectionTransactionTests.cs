using Npgsql;
using RaidCommand.Testing;

namespace RaidCommand.EventStore.Tests.Projections;

/// <summary>
/// What a runner's page transaction costs everyone else: no transaction id while there is nothing to apply (every
/// transaction with one holds every feed reader back), no wait for the disk unless asked, and no overlap with a rebuild.
/// </summary>
public sealed class ProjectionTransactionTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task A_caught_up_runner_looks_for_new_events_without_taking_a_transaction_id()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var projection = await CountingProjection.CreateAsync(test);
        var application = $"runner-{test.Schema}";
        await using var node = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = application }.ConnectionString);
        await ProjectionRunnerTests.AppendMany(test, 50);
        using var stop = new CancellationTokenSource();
        var running = test.Runner(projection, node).RunAsync(stop.Token);
        await Eventually.True(() => ProjectionRunnerTests.ProjectedTotal(test, 50), "the projection caught up");

        // Each wake-up makes the runner look for a page and find none; its session must never show a transaction id.
        // A look takes about a millisecond, so sampling goes on (up to ten times as long) until it has caught some.
        var looks = 0;
        var withId = 0;
        for (var i = 0; i < 300 || (looks < 3 && i < 3_000); i++)
        {
            test.Signal.Wake();
            await using var command = database.DataSource.CreateCommand(
                "select count(*) filter (where state <> 'idle'), count(backend_xid) from pg_stat_activity where application_name = $1");
            command.Parameters.Add(new NpgsqlParameter { Value = application });
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            looks += (int)reader.GetInt64(0);
            withId += (int)reader.GetInt64(1);
        }

        await stop.CancelAsync();
        await running;
        Assert.True(looks > 0, "The samples never caught the runner inside a transaction, so they showed nothing.");
        Assert.Equal(0, withId);
    }

    [Fact]
    public async Task A_page_takes_a_transaction_id_only_when_the_runner_sends_its_writes()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var projection = new TransactionIdWatchingProjection(await CountingProjection.CreateAsync(test), database.DataSource);
        await ProjectionRunnerTests.AppendMany(test, 50);
        using var stop = new CancellationTokenSource();
        var running = test.Runner(projection).RunAsync(stop.Token);
        for (var i = 0; i < 5; i++)
        {
            await Eventually.True(() => ProjectionRunnerTests.ProjectedTotal(test, 50 * (i + 1)), "the projection caught up");
            await ProjectionRunnerTests.AppendMany(test, 50);
        }

        await Eventually.True(() => ProjectionRunnerTests.ProjectedTotal(test, 300), "the projection caught up");
        await stop.CancelAsync();
        await running;
        Assert.True(projection.Pages >= 6, $"Only {projection.Pages} pages were watched.");
        Assert.Equal(0, projection.PagesWithTransactionId);
    }

    [Theory]
    [InlineData(false, "off")]
    [InlineData(true, "on")]
    public async Task A_page_commits_without_waiting_for_the_disk_unless_durable_commits_are_asked_for(bool durable, string expected)
    {
        using var test = await TestStore.CreateAsync(database.DataSource, o => o.DurableProjectionCommits = durable);
        var projection = new CommitSettingProjection();
        // Sessions that wait for the disk, whatever the test cluster's own setting.
        await using var node = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(database.ConnectionString) { Options = "-c synchronous_commit=on" }.ConnectionString);
        await ProjectionRunnerTests.AppendMany(test, 10);
        using var stop = new CancellationTokenSource();
        var running = test.Runner(projection, node).RunAsync(stop.Token);
        var seen = await projection.Seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await running;
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task A_rebuild_waits_for_the_page_in_progress_and_then_replays_everything_once()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var projection = new GatedProjection(await CountingProjection.CreateAsync(test));
        test.Options.Projections.Add(projection);
        await ProjectionRunnerTests.AppendMany(test, 50);
        using var stop = new CancellationTokenSource();
        var running = test.Runner(projection).RunAsync(stop.Token);
        await projection.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var rebuild = test.Admin.RebuildAsync(projection.Name);
        await Task.Delay(500);
        Assert.False(rebuild.IsCompleted, "The rebuild went ahead while a page was being applied.");
        projection.Release.SetResult();
        await rebuild.WaitAsync(TimeSpan.FromSeconds(30));

        await Eventually.True(() => ProjectionRunnerTests.ProjectedTotal(test, 50), "the rebuild replayed every event");
        await stop.CancelAsync();
        await running;
        Assert.Equal(50, (await test.Admin.GetStatusAsync()).Single().EventsApplied);
    }

    /// <summary>Holds its first page until released, then counts like the projection it wraps.</summary>
    private sealed class GatedProjection(CountingProjection inner) : IProjection
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => inner.Name;

        public async Task ApplyAsync(ProjectionPage page, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            await inner.ApplyAsync(page, cancellationToken);
        }

        public Task ResetAsync(NpgsqlConnection connection, CancellationToken cancellationToken) => inner.ResetAsync(connection, cancellationToken);
    }

    /// <summary>
    /// Counts like the projection it wraps, and after queuing each page's writes looks, from another session, whether the
    /// page's transaction already has an id.
    /// </summary>
    private sealed class TransactionIdWatchingProjection(CountingProjection inner, NpgsqlDataSource observer) : IProjection
    {
        public int Pages { get; private set; }

        public int PagesWithTransactionId { get; private set; }

        public string Name => inner.Name;

        public async Task ApplyAsync(ProjectionPage page, CancellationToken cancellationToken)
        {
            await inner.ApplyAsync(page, cancellationToken);
            await using var command = observer.CreateCommand("select backend_xid is not null from pg_stat_activity where pid = $1");
            command.Parameters.Add(new NpgsqlParameter { Value = page.Connection.ProcessID });
            Pages++;
            PagesWithTransactionId += (bool)(await command.ExecuteScalarAsync(cancellationToken))! ? 1 : 0;
        }

        public Task ResetAsync(NpgsqlConnection connection, CancellationToken cancellationToken) => inner.ResetAsync(connection, cancellationToken);
    }

    /// <summary>Reports the commit setting its first page was applied under.</summary>
    private sealed class CommitSettingProjection : IProjection
    {
        public TaskCompletionSource<string> Seen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "commit-setting";

        public async Task ApplyAsync(ProjectionPage page, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand("select current_setting('synchronous_commit')", page.Connection);
            Seen.TrySetResult((string)(await command.ExecuteScalarAsync(cancellationToken))!);
        }

        public Task ResetAsync(NpgsqlConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
