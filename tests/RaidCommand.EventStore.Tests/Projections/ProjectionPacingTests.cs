using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;
using RaidCommand.Testing;

namespace RaidCommand.EventStore.Tests.Projections;

/// <summary>A caught-up runner applies at most one page per <see cref="EventStoreOptions.ProjectionPageInterval"/>.</summary>
public sealed class ProjectionPacingTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Appends_soon_after_a_page_wait_for_the_interval_and_are_applied_together()
    {
        var interval = TimeSpan.FromSeconds(1);
        using var test = await TestStore.CreateAsync(database.DataSource, o =>
        {
            o.ProjectionPageInterval = interval;
            o.ProjectionWakeDelay = TimeSpan.Zero;
        });
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var projection = new PageRecordingProjection();
        var running = test.Runner(projection).RunAsync(stop.Token);
        await Task.Delay(300, stop.Token); // The runner has looked once, found nothing, and waits for a wake-up.

        await test.Store.AppendAsync(TestEvents.NewStreamId(), ExpectedVersion.NoStream, [TestEvents.Happened("after a quiet spell")]);
        await Eventually.True(() => Task.FromResult(projection.Pages.Count == 1), "the first append was applied");
        for (var i = 0; i < 3; i++)
        {
            await test.Store.AppendAsync(TestEvents.NewStreamId(), ExpectedVersion.NoStream, [TestEvents.Happened($"soon after {i}")]);
        }

        await Eventually.True(() => Task.FromResult(projection.Pages.Sum(p => p.Events) == 4), "every append was applied");
        await stop.CancelAsync();
        await running;

        var pages = projection.Pages.ToArray();
        Assert.Equal([1, 3], pages.Select(p => p.Events));
        var between = Stopwatch.GetElapsedTime(pages[0].AppliedAt, pages[1].AppliedAt);
        Assert.True(between >= interval * 0.9, $"The second page came {between.TotalMilliseconds:0} ms after the first, within the interval.");
    }

    /// <summary>Records the size and time of every page it is given.</summary>
    private sealed class PageRecordingProjection : IProjection
    {
        public ConcurrentQueue<(int Events, long AppliedAt)> Pages { get; } = new();

        public string Name => "page-recording";

        public Task ApplyAsync(ProjectionPage page, CancellationToken cancellationToken)
        {
            Pages.Enqueue((page.Events.Count, Stopwatch.GetTimestamp()));
            return Task.CompletedTask;
        }

        public Task ResetAsync(NpgsqlConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
