using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RaidCommand.EmbeddedPostgres;
using RaidCommand.EventStore.Feed;
using RaidCommand.EventStore.Projections;
using RaidCommand.EventStore.Tests.Projections;

namespace RaidCommand.EventStore.Tests.Faults;

/// <summary>
/// PostgreSQL restarted under a running node, cleanly (maintenance, a switchover) or by a crash (every backend killed,
/// recovery from the WAL on start). Nothing may need the node restarted afterwards: its pooled connections, its
/// LISTEN connection, its NOTIFY connection and its projection's leadership connection are all dead, and each must come
/// back by itself. A writer that retries what failed (as a field team's phone does) ends with every event stored
/// once, and the projection applies each exactly once, with nothing dead-lettered.
/// <para>
/// The reader node polls only every five minutes, so the projection can catch up with what is appended after the
/// restart only if wake-ups work again: the writer node's NOTIFYs and the reader node's LISTEN.
/// </para>
/// <para>
/// The cluster is a private, durable one: the shared test cluster cannot be restarted under the other tests, and
/// without synchronous commits a crash may lose commits that were already acknowledged.
/// </para>
/// </summary>
public sealed class PostgresRestartTests
{
    private const int EventsBefore = 40;
    private const int EventsAfter = 40;
    private const int Streams = 4;
    private static readonly TimeSpan Downtime = TimeSpan.FromMilliseconds(700);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task After_postgres_restarts_appends_wake_ups_and_the_projection_resume_with_nothing_lost_or_doubled(bool crash)
    {
        var root = Path.Combine(Path.GetTempPath(), $"raidcommand-restart-{Guid.NewGuid():N}");
        var options = new EmbeddedPostgresOptions { DataDirectory = Path.Combine(root, "data"), Durable = true, RequirePassword = false };
        var cluster = await EmbeddedPostgresCluster.StartAsync(options);
        options = options with { Port = cluster.Port }; // The node's connection string must stay valid across the restart.
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(
                EventStoreConnectionSettings.Apply(await cluster.CreateDatabaseAsync("restart")));
            using var test = await TestStore.CreateAsync(dataSource, o => o.FeedPollInterval = TimeSpan.FromMinutes(5));
            var projection = await CountingProjection.CreateAsync(test);
            using var readerSignal = new FeedSignal();
            var runner = new ProjectionRunner(
                projection, dataSource, test.Options, new EventFeed(dataSource, test.Options, readerSignal), readerSignal, NullLogger.Instance);
            using var writerNode = Notifications(test, test.Signal);
            using var readerNode = Notifications(test, readerSignal);
            using var stop = new CancellationTokenSource();
            await writerNode.StartAsync(stop.Token);
            await readerNode.StartAsync(stop.Token);
            var running = runner.RunAsync(stop.Token);

            var writer = new RetryingWriter(test.Store);
            for (var i = 0; i < EventsBefore; i++)
            {
                await writer.AppendAsync(i);
            }

            await Eventually.True(() => ProjectedTotal(test, EventsBefore), "the projection caught up before the restart");

            // Appends keep coming while the server goes down and comes back.
            var restarted = new TaskCompletionSource();
            var writing = Task.Run(async () =>
            {
                var n = EventsBefore;
                while (!restarted.Task.IsCompleted)
                {
                    await writer.AppendAsync(n++);
                    await Task.Delay(10);
                }

                for (var end = n + EventsAfter; n < end; n++)
                {
                    await writer.AppendAsync(n);
                    await Task.Delay(10);
                }
            });
            await Task.Delay(100);
            await StopAsync(cluster, crash);
            await Task.Delay(Downtime);
            cluster = await EmbeddedPostgresCluster.StartAsync(options);
            restarted.SetResult();
            await writing.WaitAsync(TimeSpan.FromSeconds(60));

            Assert.True(writer.Failures > 0, "no append failed, so the restart was not under the writer");
            await Eventually.True(() => ProjectedTotal(test, writer.Answered), "the projection caught up after the restart");

            // Caught up and waiting: only a NOTIFY from the writer node, heard on the reader node's new LISTEN, wakes it now.
            for (var i = 0; i < 3; i++)
            {
                await writer.AppendAsync(writer.Answered);
                await Eventually.True(() => ProjectedTotal(test, writer.Answered), "a wake-up after the restart reached the reader node",
                    within: TimeSpan.FromSeconds(10));
            }

            Assert.Equal(writer.Answered, await test.ScalarAsync("select count(distinct event_id) from __schema__.events"));
            Assert.Equal(writer.Answered, await test.ScalarAsync("select count(*) from __schema__.events"));
            var verification = await test.Verifier.VerifyAllAsync();
            Assert.True(verification.IsIntact, verification.FirstBrokenLink?.Reason);
            await Task.Delay(300); // A doubled page would have been applied by now.
            Assert.True(await ProjectedTotal(test, writer.Answered));
            var status = Assert.Single(await test.Admin.GetStatusAsync());
            Assert.Equal(("running", 0L, (long)writer.Answered), (status.Status, status.DeadLetters, status.EventsApplied));
            Assert.True(runner.IsLeader);

            await stop.CancelAsync();
            await running;
            await writerNode.StopAsync(CancellationToken.None);
            await readerNode.StopAsync(CancellationToken.None);
        }
        finally
        {
            await cluster.StopAsync();
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Fast shutdown (sessions are told and rolled back), or immediate: every process killed, as in a crash.</summary>
    private static async Task StopAsync(EmbeddedPostgresCluster cluster, bool crash)
    {
        if (!crash)
        {
            await cluster.StopAsync();
            return;
        }

        var pgCtl = Path.Combine(cluster.BinDirectory, "pg_ctl");
        var start = Environment.UserName == "root"
            ? new System.Diagnostics.ProcessStartInfo("runuser", ["-u", "postgres", "--", pgCtl, "stop", "-D", cluster.DataDirectory, "-m", "immediate", "-w"])
            : new System.Diagnostics.ProcessStartInfo(pgCtl, ["stop", "-D", cluster.DataDirectory, "-m", "immediate", "-w"]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = System.Diagnostics.Process.Start(start)!;
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
    }

    private static FeedNotificationService Notifications(TestStore test, FeedSignal signal) =>
        new(test.DataSource, test.Options, signal, NullLogger<FeedNotificationService>.Instance);

    private static async Task<bool> ProjectedTotal(TestStore test, long expected)
    {
        var total = await test.ScalarAsync("select coalesce(sum(events), 0) from __schema__.counts");
        Assert.True(total <= expected, $"the projection counted {total} events, more than the {expected} appended");
        return total == expected;
    }

    /// <summary>Appends event number n, the same event again after every failure, until it is answered.</summary>
    private sealed class RetryingWriter(EventStore store)
    {
        private readonly ConcurrentDictionary<int, NewEvent> _events = new();
        private int _failures;
        private int _answered;

        public int Failures => Volatile.Read(ref _failures);

        public int Answered => Volatile.Read(ref _answered);

        public async Task AppendAsync(int n)
        {
            var @event = _events.GetOrAdd(n, i => TestEvents.Happened($"event {i}"));
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await store.AppendAsync($"restart-{n % Streams}", ExpectedVersion.Any, [@event]);
                    Interlocked.Increment(ref _answered);
                    return;
                }
                catch (Exception error) when (error is NpgsqlException or TimeoutException && attempt < 200)
                {
                    Interlocked.Increment(ref _failures);
                    await Task.Delay(50);
                }
            }
        }
    }
}
