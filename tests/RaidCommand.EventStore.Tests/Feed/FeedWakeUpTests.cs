using Microsoft.Extensions.Logging.Abstractions;
using RaidCommand.EventStore.Feed;
using RaidCommand.Testing;

namespace RaidCommand.EventStore.Tests.Feed;

public sealed class FeedWakeUpTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task A_reader_on_another_node_is_woken_by_notify_well_before_its_poll()
    {
        using var test = await TestStore.CreateAsync(database.DataSource, o => o.FeedPollInterval = TimeSpan.FromMinutes(5));
        // Two "nodes": separate signals, each with its own notification service, sharing the database.
        using var otherNodeSignal = new FeedSignal();
        var otherNodeFeed = new EventFeed(test.DataSource, test.Options, otherNodeSignal);
        using var writerNode = NotificationsOf(test, test.Signal);
        using var readerNode = NotificationsOf(test, otherNodeSignal);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await writerNode.StartAsync(stop.Token);
        await readerNode.StartAsync(stop.Token);
        await Task.Delay(300, stop.Token); // Let both LISTEN.

        var first = Task.Run(async () =>
        {
            await foreach (var page in otherNodeFeed.SubscribeAsync(FeedPosition.Start, stop.Token))
            {
                return page.Events[0];
            }

            throw new InvalidOperationException("The feed ended.");
        }, stop.Token);
        await Task.Delay(300, stop.Token); // The reader is now caught up and waiting.

        var appended = TestEvents.Happened("wake up");
        await test.Store.AppendAsync(TestEvents.NewStreamId(), ExpectedVersion.NoStream, [appended]);

        var delivered = await first.WaitAsync(TimeSpan.FromSeconds(10), stop.Token);
        Assert.Equal(appended.EventId, delivered.EventId);
        await writerNode.StopAsync(CancellationToken.None);
        await readerNode.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_nodes_own_notify_does_not_wake_its_readers_a_second_time()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        using var node = NotificationsOf(test, test.Signal);
        using var otherNodeSignal = new FeedSignal();
        using var otherNode = NotificationsOf(test, otherNodeSignal);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await node.StartAsync(stop.Token);
        await otherNode.StartAsync(stop.Token);
        await Task.Delay(300, stop.Token); // Let both LISTEN.
        var (ownBefore, otherBefore) = (test.Signal.WakeCount, otherNodeSignal.WakeCount);

        await test.Store.AppendAsync(TestEvents.NewStreamId(), ExpectedVersion.NoStream, [TestEvents.Happened("once")]);
        await Eventually.True(() => Task.FromResult(otherNodeSignal.WakeCount == otherBefore + 1), "the other node was woken by the NOTIFY");
        await Task.Delay(300, stop.Token); // The NOTIFY has come back to its sender too, by now.

        Assert.Equal(ownBefore + 1, test.Signal.WakeCount);
        await node.StopAsync(CancellationToken.None);
        await otherNode.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Without_any_wake_up_a_reader_still_finds_new_events_by_polling()
    {
        using var test = await TestStore.CreateAsync(database.DataSource, o => o.FeedPollInterval = TimeSpan.FromMilliseconds(200));
        using var deafSignal = new FeedSignal();
        var deafFeed = new EventFeed(test.DataSource, test.Options, deafSignal);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var first = Task.Run(async () =>
        {
            await foreach (var page in deafFeed.SubscribeAsync(FeedPosition.Start, stop.Token))
            {
                return page.Events[0];
            }

            throw new InvalidOperationException("The feed ended.");
        }, stop.Token);
        await Task.Delay(300, stop.Token);

        var appended = TestEvents.Happened("found by polling");
        await test.Store.AppendAsync(TestEvents.NewStreamId(), ExpectedVersion.NoStream, [appended]);

        Assert.Equal(appended.EventId, (await first.WaitAsync(TimeSpan.FromSeconds(10), stop.Token)).EventId);
    }

    /// <summary>One node's LISTEN/NOTIFY service, carrying wake-ups between <paramref name="signal"/> and the database.</summary>
    private static FeedNotificationService NotificationsOf(TestStore test, FeedSignal signal) =>
        new(test.DataSource, test.Options, signal, NullLogger<FeedNotificationService>.Instance);
}
