using System.Collections.Concurrent;
using Npgsql;
using RaidCommand.Testing;

namespace RaidCommand.EventStore.Tests.Feed;

public sealed class GapFreedomTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const int Writers = 8;
    private static readonly TimeSpan SlowTransactionHold = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task A_tailing_reader_gets_every_committed_event_once_in_order_and_never_passes_an_open_transaction()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var committed = new ConcurrentDictionary<Guid, byte>();
        var rolledBack = new ConcurrentDictionary<Guid, byte>();
        var received = new ConcurrentQueue<RecordedEvent>();
        using var stopWriters = new CancellationTokenSource();

        var reader = Task.Run(async () =>
        {
            await foreach (var page in test.Feed.SubscribeAsync(FeedPosition.Start, timeout.Token))
            {
                foreach (var e in page.Events)
                {
                    received.Enqueue(e);
                }
            }
        }, timeout.Token);

        var writers = Enumerable.Range(0, Writers)
            .Select(w => Task.Run(() => WriteUntilStopped(test, w, committed, rolledBack, stopWriters.Token), timeout.Token))
            .ToList();

        // The slow transaction: appended early, committed seconds later, while the others keep committing.
        await Task.Delay(300, timeout.Token);
        var slowEvent = TestEvents.Happened("slow");
        await using (var slow = await test.DataSource.OpenConnectionAsync(timeout.Token))
        {
            await using var transaction = await slow.BeginTransactionAsync(timeout.Token);
            var slowTransactionId = await AppendInTransaction(test, slow, "slow-stream", [slowEvent], timeout.Token);
            await Task.Delay(SlowTransactionHold, timeout.Token);

            Assert.True(committed.Count > 100, $"Writers committed only {committed.Count} events while the slow transaction was open.");
            Assert.All(received, e => Assert.True(e.Position.TransactionId < slowTransactionId,
                $"Reader delivered {e.Position} past the open transaction {slowTransactionId}."));

            await transaction.CommitAsync(timeout.Token);
            committed[slowEvent.EventId] = 0;
            test.Signal.Notify();
        }

        await Task.Delay(500, timeout.Token);
        await stopWriters.CancelAsync();
        await Task.WhenAll(writers);
        test.Signal.Notify();

        await Eventually.True(() => Task.FromResult(received.Count >= committed.Count), $"the reader received all {committed.Count} committed events");
        await Task.Delay(300, timeout.Token); // Anything extra (a duplicate) would arrive now.
        await timeout.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reader);

        var delivered = received.ToList();
        Assert.Equal(delivered.Count, delivered.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(committed.Keys.Order(), delivered.Select(e => e.EventId).Order());
        Assert.DoesNotContain(delivered, e => rolledBack.ContainsKey(e.EventId));
        Assert.False(rolledBack.IsEmpty, "The scenario should include rolled-back transactions.");
        for (var i = 1; i < delivered.Count; i++)
        {
            Assert.True(delivered[i - 1].Position < delivered[i].Position, $"Feed order broke at {delivered[i].Position}.");
        }

        foreach (var stream in delivered.GroupBy(e => e.StreamId))
        {
            Assert.Equal(Enumerable.Range(1, stream.Count()).Select(v => (long)v), stream.Select(e => e.StreamVersion));
        }
    }

    private static async Task WriteUntilStopped(
        TestStore test, int writer, ConcurrentDictionary<Guid, byte> committed, ConcurrentDictionary<Guid, byte> rolledBack, CancellationToken stop)
    {
        var random = new Random(writer);
        while (!stop.IsCancellationRequested)
        {
            var events = Enumerable.Range(0, random.Next(1, 4)).Select(i => TestEvents.Happened($"w{writer}-{i}")).ToArray();
            // A few shared streams, so writers also contend on stream locks.
            var stream = $"shared-{random.Next(0, 5)}";
            await using var connection = await test.DataSource.OpenConnectionAsync(CancellationToken.None);
            await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
            await AppendInTransaction(test, connection, stream, events, CancellationToken.None);
            await Task.Delay(random.Next(0, 15), CancellationToken.None);

            if (random.NextDouble() < 0.2)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                Array.ForEach(events, e => rolledBack[e.EventId] = 0);
            }
            else
            {
                await transaction.CommitAsync(CancellationToken.None);
                Array.ForEach(events, e => committed[e.EventId] = 0);
                test.Signal.Notify();
            }
        }
    }

    /// <summary>
    /// Appends inside a transaction the test controls, so it can hold it open or roll it back. One event takes the
    /// store's single-event batch, two or three the append function: the scenario mixes both writers.
    /// </summary>
    private static async Task<ulong> AppendInTransaction(TestStore test, NpgsqlConnection connection, string stream, NewEvent[] events, CancellationToken cancellationToken)
    {
        var result = await test.Store.WriteAsync(connection, [new StreamAppend(stream, ExpectedVersion.Any, events)], cancellationToken);
        return result.LastPosition.TransactionId;
    }
}
