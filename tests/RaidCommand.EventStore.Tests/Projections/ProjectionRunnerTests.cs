using RaidCommand.Testing;

namespace RaidCommand.EventStore.Tests.Projections;

public sealed class ProjectionRunnerTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Every_event_takes_effect_exactly_once_across_runner_restarts()
    {
        using var test = await TestStore.CreateAsync(database.DataSource, o => o.FeedPageSize = 37);
        var projection = await CountingProjection.CreateAsync(test);
        await AppendMany(test, 300);

        await RunUntil(test, projection, () => ProjectedTotal(test, 300));
        await AppendMany(test, 120);
        await RunUntil(test, projection, () => ProjectedTotal(test, 420));

        await Task.Delay(300);
        Assert.Equal(420, await test.ScalarAsync("select sum(events) from __schema__.counts"));
        var status = Assert.Single(await test.Admin.GetStatusAsync());
        Assert.Equal(("running", 420L), (status.Status, status.EventsApplied));
    }

    [Theory]
    [InlineData(CountingProjection.PoisonName, "cannot be projected")]
    [InlineData(CountingProjection.RefusedName, "23502")] // not_null_violation, raised when the runner sends the page's writes
    public async Task A_failing_event_is_dead_lettered_visibly_and_the_rest_are_applied(string failingName, string expectedError)
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var projection = await CountingProjection.CreateAsync(test);
        var stream = TestEvents.NewStreamId();
        var poison = TestEvents.Happened(failingName);
        await test.Store.AppendAsync(stream, ExpectedVersion.NoStream, [TestEvents.Happened("a"), poison, TestEvents.Happened("b")]);

        await RunUntil(test, projection, async () => (await test.Admin.GetStatusAsync()).SingleOrDefault()?.EventsApplied == 3);

        Assert.Equal(2, await test.ScalarAsync("select sum(events) from __schema__.counts"));
        var status = Assert.Single(await test.Admin.GetStatusAsync());
        Assert.Equal("dead-lettered", status.Status);
        Assert.Equal(1, status.DeadLetters);
        Assert.Contains(expectedError, status.LastError, StringComparison.Ordinal);
        var letter = Assert.Single(await test.Admin.GetDeadLettersAsync("counting"));
        Assert.Equal(poison.EventId, letter.EventId);
    }

    [Fact]
    public async Task A_rebuild_replays_the_whole_feed_from_zero()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var projection = await CountingProjection.CreateAsync(test);
        test.Options.Projections.Add(projection);
        await AppendMany(test, 200);
        using var stop = new CancellationTokenSource();
        var runner = test.Runner(projection);
        var running = runner.RunAsync(stop.Token);
        await Eventually.True(() => ProjectedTotal(test, 200), "the projection caught up");

        await test.ExecuteAsync("update __schema__.counts set events = events + 1000"); // The read model drifted.
        await test.Admin.RebuildAsync("counting");

        await Eventually.True(() => ProjectedTotal(test, 200), "the rebuild replayed every event");
        await stop.CancelAsync();
        await running;
        Assert.Equal(200, (await test.Admin.GetStatusAsync()).Single().EventsApplied);
    }

    internal static async Task AppendMany(TestStore test, int count)
    {
        for (var i = 0; i < count; i += 10)
        {
            await test.Store.AppendAsync(
                $"stream-{i % 7}", ExpectedVersion.Any, Enumerable.Range(0, 10).Select(n => TestEvents.Happened($"e{i + n}")).ToArray());
        }
    }

    internal static async Task<bool> ProjectedTotal(TestStore test, long expected) =>
        await test.ScalarAsync("select coalesce(sum(events), 0) from __schema__.counts") == expected;

    private static async Task RunUntil(TestStore test, CountingProjection projection, Func<Task<bool>> done)
    {
        using var stop = new CancellationTokenSource();
        var running = test.Runner(projection).RunAsync(stop.Token);
        await Eventually.True(done, "the projection caught up");
        await stop.CancelAsync();
        await running;
    }
}
