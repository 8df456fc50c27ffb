using RaidCommand.Testing;

namespace RaidCommand.EventStore.Tests.Appending;

public sealed class AppendTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Appended_events_read_back_in_order_with_metadata_and_both_clocks()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var stream = TestEvents.NewStreamId();
        var occurred = new DateTimeOffset(2025, 6, 22, 6, 0, 0, TimeSpan.Zero);
        var metadata = new EventMetadata
        {
            ActorId = "officer-17", ActorRole = "field-officer", DeviceId = "phone-3",
            CorrelationId = "corr-1", CausationId = "cause-1", CommandId = "cmd-1",
        };

        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var result = await test.Store.AppendAsync(stream, ExpectedVersion.NoStream,
            [TestEvents.Happened("a", 1, occurred, metadata), TestEvents.Happened("b", 2, occurred)]);

        Assert.False(result.WasDuplicate);
        Assert.Equal(2, result.VersionOf(stream));
        var events = await test.Store.ReadStreamAsync(stream);
        Assert.Equal([1L, 2L], events.Select(e => e.StreamVersion));
        Assert.Equal(new ThingHappened("a", 1), events[0].Data);
        Assert.Equal("thing-happened", events[0].EventType);
        Assert.Equal(metadata, events[0].Metadata);
        Assert.Equal(occurred, events[0].OccurredAt);
        Assert.InRange(events[0].RecordedAt, before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.True(events[0].GlobalPosition < events[1].GlobalPosition);
    }

    [Fact]
    public async Task Reading_from_a_version_skips_the_earlier_events()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var stream = TestEvents.NewStreamId();
        await test.Store.AppendAsync(stream, ExpectedVersion.Any, [TestEvents.Happened("a"), TestEvents.Happened("b"), TestEvents.Happened("c")]);

        var events = await test.Store.ReadStreamAsync(stream, fromVersion: 2);

        Assert.Equal(["b", "c"], events.Select(e => ((ThingHappened)e.Data).Name));
    }

    [Fact]
    public async Task A_stale_expected_version_is_refused_with_the_actual_version_and_writes_nothing()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var stream = TestEvents.NewStreamId();
        await test.Store.AppendAsync(stream, ExpectedVersion.NoStream, [TestEvents.Happened("a"), TestEvents.Happened("b")]);

        var conflict = await Assert.ThrowsAsync<WrongExpectedVersionException>(() =>
            test.Store.AppendAsync(stream, ExpectedVersion.Exactly(1), [TestEvents.Happened("late")]));

        Assert.Equal(stream, conflict.StreamId);
        Assert.Equal(2, conflict.ActualVersion);
        Assert.Equal(ExpectedVersion.Exactly(1), conflict.Expected);
        Assert.Equal(2, await test.Store.GetStreamVersionAsync(stream));
    }

    [Fact]
    public async Task No_stream_is_refused_when_the_stream_exists()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var stream = TestEvents.NewStreamId();
        await test.Store.AppendAsync(stream, ExpectedVersion.NoStream, [TestEvents.Happened("a")]);

        var conflict = await Assert.ThrowsAsync<WrongExpectedVersionException>(() =>
            test.Store.AppendAsync(stream, ExpectedVersion.NoStream, [TestEvents.Happened("b")]));

        Assert.Equal(1, conflict.ActualVersion);
    }

    [Fact]
    public async Task Concurrent_writers_expecting_the_same_version_let_exactly_one_win()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var stream = TestEvents.NewStreamId();
        await test.Store.AppendAsync(stream, ExpectedVersion.NoStream, [TestEvents.Happened("start")]);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            try
            {
                await test.Store.AppendAsync(stream, ExpectedVersion.Exactly(1), [TestEvents.Happened($"writer-{i}")]);
                return true;
            }
            catch (WrongExpectedVersionException)
            {
                return false;
            }
        }));

        Assert.Equal(1, attempts.Count(won => won));
        Assert.Equal(2, await test.Store.GetStreamVersionAsync(stream));
    }

    [Fact]
    public async Task A_multi_stream_append_is_atomic_when_one_stream_conflicts()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var (first, second) = (TestEvents.NewStreamId(), TestEvents.NewStreamId());
        await test.Store.AppendAsync(second, ExpectedVersion.NoStream, [TestEvents.Happened("existing")]);

        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => test.Store.AppendAsync(
        [
            new StreamAppend(first, ExpectedVersion.NoStream, [TestEvents.Happened("x")]),
            new StreamAppend(second, ExpectedVersion.NoStream, [TestEvents.Happened("y")]),
        ]));

        Assert.Equal(0, await test.Store.GetStreamVersionAsync(first));
        Assert.Equal(1, await test.ScalarAsync("select count(*) from __schema__.events"));
    }

    [Fact]
    public async Task A_multi_stream_append_stores_every_stream_in_one_transaction()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var (first, second) = (TestEvents.NewStreamId(), TestEvents.NewStreamId());

        var result = await test.Store.AppendAsync(
        [
            new StreamAppend(first, ExpectedVersion.NoStream, [TestEvents.Happened("x"), TestEvents.Happened("x2")]),
            new StreamAppend(second, ExpectedVersion.NoStream, [TestEvents.Happened("y")]),
        ]);

        Assert.Equal(2, result.VersionOf(first));
        Assert.Equal(1, result.VersionOf(second));
        Assert.Single(result.Events.Select(e => e.Position.TransactionId).Distinct());
    }
}
