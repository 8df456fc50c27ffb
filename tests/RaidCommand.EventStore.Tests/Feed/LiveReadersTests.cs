using RaidCommand.EventStore.Feed;

namespace RaidCommand.EventStore.Tests.Feed;

public sealed class LiveReadersTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Without_live_readers_nobody_waits()
    {
        var readers = new LiveReaders();
        await readers.WaitUntilCaughtUpAsync(wake: 5, Long, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, readers.Count);
    }

    [Fact]
    public async Task A_wait_ends_when_every_live_reader_has_caught_up_with_that_wake_up()
    {
        var readers = new LiveReaders();
        using var first = readers.Register();
        using var second = readers.Register();
        var waiting = readers.WaitUntilCaughtUpAsync(wake: 3, Long, CancellationToken.None);

        first.CaughtUp(3);
        second.CaughtUp(2);
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted, "The wait ended while one live reader had not read wake-up 3 yet.");

        second.CaughtUp(4);
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_live_reader_that_never_catches_up_delays_a_wait_only_by_the_limit()
    {
        var readers = new LiveReaders();
        using var stalled = readers.Register();
        var started = System.Diagnostics.Stopwatch.StartNew();

        await readers.WaitUntilCaughtUpAsync(wake: 1, TimeSpan.FromMilliseconds(300), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.InRange(started.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_live_reader_that_goes_away_no_longer_holds_anyone_back()
    {
        var readers = new LiveReaders();
        var leaving = readers.Register();
        var waiting = readers.WaitUntilCaughtUpAsync(wake: 1, Long, CancellationToken.None);
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);

        leaving.Dispose();

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, readers.Count);
    }

    [Fact]
    public async Task After_the_live_readers_have_caught_up_a_wait_lasts_until_the_thread_pools_queue_is_empty()
    {
        long queued = 3; // The transports' socket writes of a push, still in the queue.
        var readers = new LiveReaders(new ThreadPoolQueue(() => Interlocked.Read(ref queued)));
        using var reader = readers.Register();
        reader.CaughtUp(1);

        var waiting = readers.WaitUntilCaughtUpAsync(wake: 1, Long, CancellationToken.None);
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted, "The wait ended while the push was still queued for the sockets.");

        Interlocked.Exchange(ref queued, 0);
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_thread_pool_that_never_empties_delays_a_wait_only_by_the_limit_and_is_polled_no_longer()
    {
        long probes = 0;
        var readers = new LiveReaders(new ThreadPoolQueue(() =>
        {
            Interlocked.Increment(ref probes);
            return 1;
        }));
        using var reader = readers.Register();
        reader.CaughtUp(1);
        var started = System.Diagnostics.Stopwatch.StartNew();

        await readers.WaitUntilCaughtUpAsync(wake: 1, TimeSpan.FromMilliseconds(300), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.InRange(started.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
        var probesAtLimit = Interlocked.Read(ref probes);
        await Task.Delay(200);
        Assert.InRange(Interlocked.Read(ref probes), probesAtLimit, probesAtLimit + 1);
    }
}
