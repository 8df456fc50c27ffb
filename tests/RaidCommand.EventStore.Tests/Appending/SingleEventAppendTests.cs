using RaidCommand.Testing;

namespace RaidCommand.EventStore.Tests.Appending;

/// <summary>
/// One event to one stream takes the store's prepared single-event batch; every other shape takes the append function.
/// Both must write the same rows, the same chain and the same answers, also when they interleave on one stream.
/// </summary>
public sealed class SingleEventAppendTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Single_events_and_batches_interleaved_on_one_stream_keep_one_intact_chain_in_version_order()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var stream = TestEvents.NewStreamId();

        await test.Store.AppendAsync(stream, ExpectedVersion.NoStream, [TestEvents.Happened("one")]);
        await test.Store.AppendAsync(stream, ExpectedVersion.Exactly(1), [TestEvents.Happened("two"), TestEvents.Happened("three")]);
        var last = await test.Store.AppendAsync(stream, ExpectedVersion.Exactly(3), [TestEvents.Happened("four")]);

        var events = await test.Store.ReadStreamAsync(stream);
        Assert.Equal(["one", "two", "three", "four"], events.Select(e => ((ThingHappened)e.Data).Name));
        Assert.Equal([1L, 2, 3, 4], events.Select(e => e.StreamVersion));
        Assert.Equal(4, last.VersionOf(stream));
        Assert.Equal(events[^1].Position, last.LastPosition);
        var verification = await test.Verifier.VerifyStreamAsync(stream);
        Assert.True(verification.IsIntact, verification.FirstBrokenLink?.Reason);
    }

    [Fact]
    public async Task A_single_event_retried_after_the_stream_moved_on_is_acknowledged_with_its_original_position()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var stream = TestEvents.NewStreamId();
        var arrest = TestEvents.Happened("arrest");
        var original = await test.Store.AppendAsync(stream, ExpectedVersion.NoStream, [arrest]);
        await test.Store.AppendAsync(stream, ExpectedVersion.Exactly(1), [TestEvents.Happened("seizure")]);

        var retry = await test.Store.AppendAsync(stream, ExpectedVersion.NoStream, [arrest]);

        Assert.True(retry.WasDuplicate);
        Assert.Equal(original.Events, retry.Events);
        Assert.Equal(2, await test.ScalarAsync("select count(*) from __schema__.events"));
    }

    [Fact]
    public async Task A_wrong_expectation_of_a_single_event_writes_nothing_and_reports_the_actual_version()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var stream = TestEvents.NewStreamId();
        await test.Store.AppendAsync(stream, ExpectedVersion.NoStream, [TestEvents.Happened("a"), TestEvents.Happened("b")]);

        var missing = await Assert.ThrowsAsync<WrongExpectedVersionException>(() =>
            test.Store.AppendAsync(TestEvents.NewStreamId(), ExpectedVersion.Exactly(3), [TestEvents.Happened("nowhere")]));
        var stale = await Assert.ThrowsAsync<WrongExpectedVersionException>(() =>
            test.Store.AppendAsync(stream, ExpectedVersion.Exactly(1), [TestEvents.Happened("late")]));

        Assert.Equal(0, missing.ActualVersion);
        Assert.Equal(2, stale.ActualVersion);
        Assert.Equal(2, await test.ScalarAsync("select count(*) from __schema__.events"));
        Assert.Equal(1, await test.ScalarAsync("select count(*) from __schema__.streams"));
    }

    [Fact]
    public async Task Concurrent_single_events_to_one_new_stream_all_land_once_with_consecutive_versions_and_an_intact_chain()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var stream = TestEvents.NewStreamId();
        var events = Enumerable.Range(0, 24).Select(i => TestEvents.Happened($"writer-{i}")).ToArray();

        var results = await Task.WhenAll(events.Select(e => Task.Run(() => test.Store.AppendAsync(stream, ExpectedVersion.Any, [e]))));

        Assert.Equal(Enumerable.Range(1, 24).Select(v => (long)v), results.Select(r => r.VersionOf(stream)).Order());
        var stored = await test.Store.ReadStreamAsync(stream);
        Assert.Equal(events.Select(e => e.EventId).Order(), stored.Select(e => e.EventId).Order());
        // Versions and feed order agree: a later version always sorts later in the feed.
        Assert.Equal(stored.Select(e => e.Position).Order(), stored.Select(e => e.Position));
        var verification = await test.Verifier.VerifyStreamAsync(stream);
        Assert.True(verification.IsIntact, verification.FirstBrokenLink?.Reason);
    }
}
