using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;
using RaidCommand.EventStore.Diagnostics;
using RaidCommand.Testing;

namespace RaidCommand.EventStore.Tests.Appending;

/// <summary>
/// Group commit: appends that arrive while every writer is busy are written together, in one transaction, and each
/// still gets the answer it would have got alone. The one writer is held busy by a lock on its stream, taken by the test.
/// </summary>
public sealed class AppendGroupsTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string TestTraces = "RaidCommand.EventStore.Tests.AppendGroups";
    private static readonly ActivitySource Tests = new(TestTraces);

    [Fact]
    public async Task Appends_that_wait_for_a_busy_writer_commit_together_and_each_gets_its_own_positions()
    {
        using var test = await OneWriterStoreAsync();
        string[] streams = [TestEvents.NewStreamId(), TestEvents.NewStreamId(), TestEvents.NewStreamId()];
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is EventStoreTelemetry.Name or TestTraces,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var root = Tests.StartActivity("test")!;

        var (first, grouped) = await WhileTheWriterIsBusyAsync(test, () =>
            [.. streams.Select(stream => test.Store.AppendAsync(stream, ExpectedVersion.NoStream, [TestEvents.Happened(stream)]))]);

        var results = await Task.WhenAll(grouped);
        Assert.Equal(streams, results.Select(r => Assert.Single(r.Events).StreamId));
        Assert.All(results, r => Assert.Equal(1, Assert.Single(r.Events).StreamVersion));
        Assert.Single(results.Select(r => r.LastPosition.TransactionId).Distinct());
        Assert.NotEqual((await first).LastPosition.TransactionId, results[0].LastPosition.TransactionId);
        Assert.Equal(3, results.Select(r => r.LastPosition.GlobalPosition).Distinct().Count());
        foreach (var stream in streams)
        {
            var stored = Assert.Single(await test.Store.ReadStreamAsync(stream));
            Assert.Equal(stream, ((ThingHappened)stored.Data).Name);
        }

        var verification = await test.Verifier.VerifyAllAsync();
        Assert.True(verification.IsIntact, verification.FirstBrokenLink?.Reason);
        var appends = spans.Where(s => s.TraceId == root.TraceId && s.OperationName == "eventstore.append").ToList();
        Assert.Equal(
            [("group", 3), ("group", 3), ("group", 3), ("single-event", 0)],
            appends.Select(s => ((string)s.GetTagItem("eventstore.writer")!, (int?)s.GetTagItem("eventstore.group_size") ?? 0)).Order());
    }

    [Fact]
    public async Task A_wrong_expected_version_fails_only_its_own_append_and_the_rest_still_commit_together()
    {
        using var test = await OneWriterStoreAsync();
        string[] streams = [TestEvents.NewStreamId(), TestEvents.NewStreamId(), TestEvents.NewStreamId()];

        var (_, grouped) = await WhileTheWriterIsBusyAsync(test, () =>
        [
            test.Store.AppendAsync(streams[0], ExpectedVersion.NoStream, [TestEvents.Happened("kept")]),
            test.Store.AppendAsync(streams[1], ExpectedVersion.Exactly(5), [TestEvents.Happened("stale")]),
            test.Store.AppendAsync(streams[2], ExpectedVersion.NoStream, [TestEvents.Happened("kept too")]),
        ]);

        var conflict = await Assert.ThrowsAsync<WrongExpectedVersionException>(() => grouped[1]);
        Assert.Equal((streams[1], 0L), (conflict.StreamId, conflict.ActualVersion));
        Assert.Equal(0, await test.Store.GetStreamVersionAsync(streams[1]));
        Assert.Equal((await grouped[0]).LastPosition.TransactionId, (await grouped[2]).LastPosition.TransactionId);
        Assert.Equal(1, await test.Store.GetStreamVersionAsync(streams[0]));
        Assert.Equal(1, await test.Store.GetStreamVersionAsync(streams[2]));
    }

    [Fact]
    public async Task An_append_that_checks_another_stream_is_grouped_and_answers_only_for_what_it_wrote()
    {
        using var test = await OneWriterStoreAsync();
        var checkedStream = TestEvents.NewStreamId();
        await test.Store.AppendAsync(checkedStream, ExpectedVersion.NoStream, [TestEvents.Happened("decided on")]);
        string[] written = [TestEvents.NewStreamId(), TestEvents.NewStreamId()];

        var (_, grouped) = await WhileTheWriterIsBusyAsync(test, () =>
        [
            test.Store.AppendAsync(
            [
                new StreamAppend(checkedStream, ExpectedVersion.Exactly(1), []),
                new StreamAppend(written[0], ExpectedVersion.NoStream, [TestEvents.Happened("custody record")]),
            ]),
            test.Store.AppendAsync(written[1], ExpectedVersion.NoStream, [TestEvents.Happened("other den")]),
        ]);

        var withCheck = await grouped[0];
        Assert.Equal(written[0], Assert.Single(withCheck.Events).StreamId);
        Assert.Equal(withCheck.LastPosition.TransactionId, (await grouped[1]).LastPosition.TransactionId);
        Assert.Equal(1, await test.Store.GetStreamVersionAsync(checkedStream));
    }

    [Fact]
    public async Task In_a_group_a_retry_is_acknowledged_and_a_reused_event_id_is_refused_without_failing_the_others()
    {
        using var test = await OneWriterStoreAsync();
        var retried = TestEvents.NewStreamId();
        var stored = TestEvents.Happened("stored");
        var original = await test.Store.AppendAsync(retried, ExpectedVersion.NoStream, [stored]);
        string[] fresh = [TestEvents.NewStreamId(), TestEvents.NewStreamId(), TestEvents.NewStreamId()];

        var (_, grouped) = await WhileTheWriterIsBusyAsync(test, () =>
        [
            test.Store.AppendAsync(fresh[0], ExpectedVersion.NoStream, [TestEvents.Happened("new")]),
            // The phone never saw the answer and sends the same event again, with its stale expectation.
            test.Store.AppendAsync(retried, ExpectedVersion.NoStream, [stored]),
            // The same event id sent to another stream: a client bug, refused.
            test.Store.AppendAsync(fresh[1], ExpectedVersion.NoStream, [stored]),
            test.Store.AppendAsync(fresh[2], ExpectedVersion.NoStream, [TestEvents.Happened("new too")]),
        ]);

        var retry = await grouped[1];
        Assert.True(retry.WasDuplicate);
        Assert.Equal(original.Events, retry.Events);
        await Assert.ThrowsAsync<EventIdReusedException>(() => grouped[2]);
        Assert.Equal(1, (await grouped[0]).VersionOf(fresh[0]));
        Assert.Equal(1, (await grouped[3]).VersionOf(fresh[2]));
        Assert.Equal(0, await test.Store.GetStreamVersionAsync(fresh[1]));
        Assert.Equal(4, await test.ScalarAsync("select count(*) from __schema__.events"));
    }

    [Fact]
    public async Task An_append_cancelled_while_it_waits_is_not_written_and_the_others_are()
    {
        using var test = await OneWriterStoreAsync();
        string[] streams = [TestEvents.NewStreamId(), TestEvents.NewStreamId()];
        using var giveUp = new CancellationTokenSource();

        var (_, grouped) = await WhileTheWriterIsBusyAsync(test, () =>
        [
            test.Store.AppendAsync(streams[0], ExpectedVersion.NoStream, [TestEvents.Happened("abandoned")], giveUp.Token),
            test.Store.AppendAsync(streams[1], ExpectedVersion.NoStream, [TestEvents.Happened("kept")]),
        ], whileWaiting: giveUp.CancelAsync);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => grouped[0]);
        Assert.Equal(1, (await grouped[1]).VersionOf(streams[1]));
        Assert.Equal(0, await test.Store.GetStreamVersionAsync(streams[0]));
    }

    [Fact]
    public async Task Under_a_burst_of_concurrent_appends_groups_form_and_the_feed_delivers_every_event_once_in_stream_order()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var received = new ConcurrentQueue<RecordedEvent>();
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

        // Thirty-two officers log at once, on five shared dens and their own records, for 40 entries each.
        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(officer => Task.Run(async () =>
        {
            var mine = new List<AppendResult>();
            for (var i = 0; i < 40; i++)
            {
                var stream = i % 2 == 0 ? $"den-{(officer + i) % 5}" : $"officer-{officer}";
                mine.Add(await test.Store.AppendAsync(stream, ExpectedVersion.Any, [TestEvents.Happened($"{officer}-{i}")], timeout.Token));
            }

            return mine;
        }, timeout.Token)));

        var appended = results.SelectMany(r => r).ToList();
        Assert.True(appended.Select(r => r.LastPosition.TransactionId).Distinct().Count() < appended.Count, "Some appends should have been grouped.");
        await Eventually.True(() => Task.FromResult(received.Count >= appended.Count), $"the reader received all {appended.Count} events");
        await Task.Delay(300, timeout.Token); // Anything extra (a duplicate) would arrive now.
        await timeout.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reader);

        var delivered = received.ToList();
        Assert.Equal(appended.Select(r => r.LastPosition).Order(), delivered.Select(e => e.Position).Order());
        for (var i = 1; i < delivered.Count; i++)
        {
            Assert.True(delivered[i - 1].Position < delivered[i].Position, $"Feed order broke at {delivered[i].Position}.");
        }

        foreach (var stream in delivered.GroupBy(e => e.StreamId))
        {
            Assert.Equal(Enumerable.Range(1, stream.Count()).Select(v => (long)v), stream.Select(e => e.StreamVersion));
        }

        var verification = await test.Verifier.VerifyAllAsync();
        Assert.True(verification.IsIntact, verification.FirstBrokenLink?.Reason);
    }

    [Fact]
    public async Task With_grouping_off_every_append_is_its_own_transaction()
    {
        using var test = await TestStore.CreateAsync(database.DataSource, options => options.ConcurrentAppendWrites = 0);
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            test.Store.AppendAsync(TestEvents.NewStreamId(), ExpectedVersion.NoStream, [TestEvents.Happened("alone")])));

        Assert.Null(test.Store.Groups);
        Assert.Equal(8, results.Select(r => r.LastPosition.TransactionId).Distinct().Count());
    }

    private Task<TestStore> OneWriterStoreAsync() =>
        TestStore.CreateAsync(database.DataSource, options => options.ConcurrentAppendWrites = 1);

    /// <summary>
    /// Starts an append that holds the store's one writer (its stream is locked by the test), then the appends of
    /// <paramref name="start"/>, waits until they all wait for the writer, runs <paramref name="whileWaiting"/>, and lets
    /// the writer go.
    /// </summary>
    private static async Task<(Task<AppendResult> First, Task<AppendResult>[] Grouped)> WhileTheWriterIsBusyAsync(
        TestStore test, Func<Task<AppendResult>[]> start, Func<Task>? whileWaiting = null)
    {
        var busy = TestEvents.NewStreamId();
        await using var holder = await test.DataSource.OpenConnectionAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended($1, 0))", holder))
        {
            take.Parameters.Add(new NpgsqlParameter { Value = busy });
            await take.ExecuteNonQueryAsync();
        }

        // The test's own earlier appends must have let the writer go, or the first append would wait instead of writing.
        var groups = test.Store.Groups!;
        await Eventually.True(() => Task.FromResult(groups.WritingCount == 0), "the writer is free");
        var first = test.Store.AppendAsync(busy, ExpectedVersion.NoStream, [TestEvents.Happened("first")]);
        Assert.Equal((1, 0), (groups.WritingCount, groups.WaitingCount));
        var grouped = start();
        await Eventually.True(() => Task.FromResult(groups.WaitingCount == grouped.Length), "the appends wait for the writer");
        Assert.False(first.IsCompleted);
        if (whileWaiting is not null)
        {
            await whileWaiting();
        }

        await hold.CommitAsync();
        await first;
        return (first, grouped);
    }
}
