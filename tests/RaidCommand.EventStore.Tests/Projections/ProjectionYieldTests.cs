using System.Diagnostics;
using Npgsql;
using RaidCommand.EventStore.Feed;
using RaidCommand.Testing;

namespace RaidCommand.EventStore.Tests.Projections;

/// <summary>After an append, projection runners let the live readers (the push to people) go first, for a limited time.</summary>
public sealed class ProjectionYieldTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task A_woken_runner_starts_its_page_only_after_the_live_reader_has_handed_on_the_new_events()
    {
        using var test = await TestStore.CreateAsync(database.DataSource, o => o.ProjectionYieldLimit = TimeSpan.FromSeconds(30));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var live = new HoldingLiveReader(test, hold: () => Task.Delay(TimeSpan.FromMilliseconds(500), stop.Token), stop.Token);
        var projection = new FirstPageProjection();
        var running = test.Runner(projection).RunAsync(stop.Token);
        await Task.Delay(300, stop.Token); // Both have looked once, found nothing, and wait for a wake-up.

        await test.Store.AppendAsync(TestEvents.NewStreamId(), ExpectedVersion.NoStream, [TestEvents.Happened("pushed first")]);

        var applied = await projection.Applied.Task.WaitAsync(stop.Token);
        var handedOn = await live.HandedOn.Task.WaitAsync(stop.Token);
        Assert.True(applied >= handedOn, $"The runner applied its page {Stopwatch.GetElapsedTime(applied, handedOn).TotalMilliseconds:0} ms before the live reader had handed the events on.");
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task A_live_reader_that_holds_on_to_a_page_delays_runners_only_by_the_yield_limit()
    {
        using var test = await TestStore.CreateAsync(database.DataSource, o => o.ProjectionYieldLimit = TimeSpan.FromMilliseconds(200));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var live = new HoldingLiveReader(test, hold: () => release.Task, stop.Token);
        var projection = new FirstPageProjection();
        var running = test.Runner(projection).RunAsync(stop.Token);
        await Task.Delay(300, stop.Token);

        await test.Store.AppendAsync(TestEvents.NewStreamId(), ExpectedVersion.NoStream, [TestEvents.Happened("held")]);

        await projection.Applied.Task.WaitAsync(TimeSpan.FromSeconds(10), stop.Token);
        Assert.False(live.HandedOn.Task.IsCompleted, "The live reader was not holding its page, so the test showed nothing.");
        release.SetResult();
        await live.HandedOn.Task.WaitAsync(stop.Token);
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task A_projections_commit_wakes_no_reader_that_was_not_held_back()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var projection = await CountingProjection.CreateAsync(test);
        await ProjectionRunnerTests.AppendMany(test, 20);
        var wakesByAppends = test.Signal.WakeCount;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var running = test.Runner(projection).RunAsync(stop.Token);
        await Eventually.True(() => ProjectionRunnerTests.ProjectedTotal(test, 20), "the projection caught up");
        await Task.Delay(200, stop.Token);

        Assert.Equal(wakesByAppends, test.Signal.WakeCount);
        await stop.CancelAsync();
        await running;
    }

    /// <summary>A live subscription whose consumer holds each page until what <c>hold</c> gives it completes, then asks for the next.</summary>
    private sealed class HoldingLiveReader
    {
        public HoldingLiveReader(TestStore test, Func<Task> hold, CancellationToken cancellationToken) =>
            _ = Task.Run(async () =>
            {
                await foreach (var page in test.Feed.SubscribeAsync(FeedPosition.Start, FeedReaderPriority.Live, cancellationToken))
                {
                    await hold();
                    HandedOn.TrySetResult(Stopwatch.GetTimestamp());
                }
            }, cancellationToken);

        public TaskCompletionSource<long> HandedOn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Notes when its first page is applied.</summary>
    private sealed class FirstPageProjection : IProjection
    {
        public TaskCompletionSource<long> Applied { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "first-page";

        public Task ApplyAsync(ProjectionPage page, CancellationToken cancellationToken)
        {
            Applied.TrySetResult(Stopwatch.GetTimestamp());
            return Task.CompletedTask;
        }

        public Task ResetAsync(NpgsqlConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
