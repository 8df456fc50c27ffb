using RaidCommand.Testing;

namespace RaidCommand.EventStore.Tests.Projections;

/// <summary><see cref="RaidCommand.EventStore.Projections.ProjectionAdmin.WaitForCheckpointAsync"/>: a reader waits until its own append is in the read model.</summary>
public sealed class ReadYourWritesTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_wait_ends_once_the_read_model_reflects_the_append()
    {
        using var test = await StoreWithCountingProjectionAsync();
        using var stop = new CancellationTokenSource();
        var running = test.Runner(test.Options.Projections.Single()).RunAsync(stop.Token);

        for (var i = 1; i <= 5; i++)
        {
            var appended = await test.Store.AppendAsync("stream", ExpectedVersion.Any, [TestEvents.Happened($"e{i}")]);

            Assert.True(await test.Admin.WaitForCheckpointAsync("counting", appended.LastPosition, Timeout));
            Assert.Equal(i, await test.ScalarAsync("select events from __schema__.counts where stream_id = 'stream'"));
        }

        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task A_projection_that_does_not_get_there_in_time_answers_false()
    {
        using var test = await StoreWithCountingProjectionAsync();
        var appended = await test.Store.AppendAsync("stream", ExpectedVersion.Any, [TestEvents.Happened("unprojected")]);

        // No runner: the checkpoint never moves (and has no row yet).
        Assert.False(await test.Admin.WaitForCheckpointAsync("counting", appended.LastPosition, TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_mistaken_for_a_timeout()
    {
        using var test = await StoreWithCountingProjectionAsync();
        var appended = await test.Store.AppendAsync("stream", ExpectedVersion.Any, [TestEvents.Happened("unprojected")]);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => test.Admin.WaitForCheckpointAsync("counting", appended.LastPosition, Timeout, cancel.Token));
    }

    [Fact]
    public async Task An_unknown_projection_is_refused()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);

        await Assert.ThrowsAsync<ArgumentException>(
            () => test.Admin.WaitForCheckpointAsync("no-such-projection", FeedPosition.Start, Timeout));
    }

    /// <summary>A store with the counting projection registered (and no runner yet).</summary>
    private async Task<TestStore> StoreWithCountingProjectionAsync()
    {
        var test = await TestStore.CreateAsync(database.DataSource);
        test.Options.Projections.Add(await CountingProjection.CreateAsync(test));
        return test;
    }
}
