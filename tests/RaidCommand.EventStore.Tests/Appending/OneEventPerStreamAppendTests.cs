using RaidCommand.Testing;

namespace RaidCommand.EventStore.Tests.Appending;

/// <summary>
/// One event to each of several streams takes the store's set-based batch (the shape of a group commit). It must write
/// the same rows, the same chains and the same answers as the other writers, also when they interleave on a stream.
/// </summary>
public sealed class OneEventPerStreamAppendTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task One_event_to_each_stream_lands_in_one_transaction_with_intact_chains_between_the_other_writers()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var (den, custody, transfer) = (TestEvents.NewStreamId(), TestEvents.NewStreamId(), TestEvents.NewStreamId());
        await test.Store.AppendAsync(den, ExpectedVersion.NoStream, [TestEvents.Happened("breach"), TestEvents.Happened("arrest")]);

        var result = await test.Store.AppendAsync(
        [
            new StreamAppend(den, ExpectedVersion.Exactly(2), [TestEvents.Happened("seizure")]),
            new StreamAppend(custody, ExpectedVersion.NoStream, [TestEvents.Happened("detained")]),
            new StreamAppend(transfer, ExpectedVersion.Any, [TestEvents.Happened("ordered")]),
        ]);
        await test.Store.AppendAsync(den, ExpectedVersion.Exactly(3), [TestEvents.Happened("cleared")]);

        Assert.Equal([(den, 3L), (custody, 1L), (transfer, 1L)], result.Events.Select(e => (e.StreamId, e.StreamVersion)));
        Assert.Single(result.Events.Select(e => e.Position.TransactionId).Distinct());
        var denEvents = await test.Store.ReadStreamAsync(den);
        Assert.Equal(["breach", "arrest", "seizure", "cleared"], denEvents.Select(e => ((ThingHappened)e.Data).Name));
        Assert.Equal(result.Events[0].Position, denEvents[2].Position);
        Assert.Equal("detained", ((ThingHappened)Assert.Single(await test.Store.ReadStreamAsync(custody)).Data).Name);
        var verification = await test.Verifier.VerifyAllAsync();
        Assert.True(verification.IsIntact, verification.FirstBrokenLink?.Reason);
    }

    [Fact]
    public async Task A_wrong_expectation_writes_nothing_anywhere_and_names_the_first_conflicting_stream_given()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var (fresh, twice, once) = (TestEvents.NewStreamId(), TestEvents.NewStreamId(), TestEvents.NewStreamId());
        await test.Store.AppendAsync(twice, ExpectedVersion.NoStream, [TestEvents.Happened("a"), TestEvents.Happened("b")]);
        await test.Store.AppendAsync(once, ExpectedVersion.NoStream, [TestEvents.Happened("c")]);

        var conflict = await Assert.ThrowsAsync<WrongExpectedVersionException>(() => test.Store.AppendAsync(
        [
            new StreamAppend(fresh, ExpectedVersion.NoStream, [TestEvents.Happened("new")]),
            new StreamAppend(twice, ExpectedVersion.Exactly(1), [TestEvents.Happened("stale")]),
            new StreamAppend(once, ExpectedVersion.Exactly(5), [TestEvents.Happened("staler")]),
        ]));

        Assert.Equal((twice, 2L), (conflict.StreamId, conflict.ActualVersion));
        Assert.Equal(3, await test.ScalarAsync("select count(*) from __schema__.events"));
        Assert.Equal(0, await test.Store.GetStreamVersionAsync(fresh));
    }

    [Fact]
    public async Task A_resent_append_is_acknowledged_with_its_original_positions_after_the_streams_moved_on()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var (first, second) = (TestEvents.NewStreamId(), TestEvents.NewStreamId());
        StreamAppend[] append =
        [
            new StreamAppend(first, ExpectedVersion.NoStream, [TestEvents.Happened("x")]),
            new StreamAppend(second, ExpectedVersion.NoStream, [TestEvents.Happened("y")]),
        ];
        var original = await test.Store.AppendAsync(append);
        await test.Store.AppendAsync(first, ExpectedVersion.Exactly(1), [TestEvents.Happened("later")]);

        var retry = await test.Store.AppendAsync(append);

        Assert.True(retry.WasDuplicate);
        Assert.Equal(original.Events.OrderBy(e => e.Position), retry.Events.OrderBy(e => e.Position));
        Assert.Equal(3, await test.ScalarAsync("select count(*) from __schema__.events"));
    }
}
