using RaidCommand.Testing;

namespace RaidCommand.EventStore.Tests.Appending;

public sealed class IdempotencyTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Resending_a_stored_batch_is_acknowledged_with_the_original_positions_and_writes_nothing()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var stream = TestEvents.NewStreamId();
        NewEvent[] batch = [TestEvents.Happened("arrest"), TestEvents.Happened("seizure")];
        var original = await test.Store.AppendAsync(stream, ExpectedVersion.NoStream, batch);

        // The phone never saw the answer and retries the very same batch, with its stale expectation.
        var retry = await test.Store.AppendAsync(stream, ExpectedVersion.NoStream, batch);

        Assert.True(retry.WasDuplicate);
        Assert.Equal(original.Events, retry.Events);
        Assert.Equal(2, await test.ScalarAsync("select count(*) from __schema__.events"));
    }

    [Fact]
    public async Task A_stored_event_id_is_still_recognised_after_many_later_appends()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var stream = TestEvents.NewStreamId();
        NewEvent[] first = [TestEvents.Happened("first")];
        await test.Store.AppendAsync(stream, ExpectedVersion.NoStream, first);
        for (var i = 0; i < 50; i++)
        {
            await test.Store.AppendAsync(stream, ExpectedVersion.Any, [TestEvents.Happened($"later-{i}")]);
        }

        var retry = await test.Store.AppendAsync(stream, ExpectedVersion.Any, first);

        Assert.True(retry.WasDuplicate);
        Assert.Equal(1, retry.VersionOf(stream));
        Assert.Equal(51, await test.Store.GetStreamVersionAsync(stream));
    }

    [Fact]
    public async Task A_batch_mixing_stored_and_new_event_ids_is_refused_and_writes_nothing()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var stream = TestEvents.NewStreamId();
        var stored = TestEvents.Happened("stored");
        await test.Store.AppendAsync(stream, ExpectedVersion.NoStream, [stored]);

        await Assert.ThrowsAsync<EventIdReusedException>(() =>
            test.Store.AppendAsync(stream, ExpectedVersion.Any, [stored, TestEvents.Happened("new")]));

        Assert.Equal(1, await test.Store.GetStreamVersionAsync(stream));
    }

    [Fact]
    public async Task A_batch_mixing_stored_and_new_event_ids_is_refused_as_such_even_with_a_stale_expected_version()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var stream = TestEvents.NewStreamId();
        var stored = TestEvents.Happened("stored");
        await test.Store.AppendAsync(stream, ExpectedVersion.NoStream, [stored]);

        await Assert.ThrowsAsync<EventIdReusedException>(() =>
            test.Store.AppendAsync(stream, ExpectedVersion.NoStream, [stored, TestEvents.Happened("new")]));

        Assert.Equal(1, await test.ScalarAsync("select count(*) from __schema__.events"));
    }

    [Fact]
    public async Task A_batch_carrying_one_event_id_twice_is_refused_and_writes_nothing()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var stream = TestEvents.NewStreamId();
        var twice = TestEvents.Happened("twice");

        await Assert.ThrowsAsync<EventIdReusedException>(() =>
            test.Store.AppendAsync(stream, ExpectedVersion.NoStream, [twice, TestEvents.Happened("other"), twice]));

        Assert.Equal(0, await test.ScalarAsync("select count(*) from __schema__.events"));
        Assert.Equal(0, await test.Store.GetStreamVersionAsync(stream));
    }

    [Fact]
    public async Task An_event_id_stored_in_another_stream_is_refused()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var stored = TestEvents.Happened("stored");
        await test.Store.AppendAsync(TestEvents.NewStreamId(), ExpectedVersion.NoStream, [stored]);

        await Assert.ThrowsAsync<EventIdReusedException>(() =>
            test.Store.AppendAsync(TestEvents.NewStreamId(), ExpectedVersion.NoStream, [stored]));
    }

    [Fact]
    public async Task Concurrent_retries_of_one_batch_store_it_once()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var stream = TestEvents.NewStreamId();
        NewEvent[] batch = [TestEvents.Happened("a"), TestEvents.Happened("b")];

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => test.Store.AppendAsync(stream, ExpectedVersion.Any, batch)));

        Assert.Single(results, r => !r.WasDuplicate);
        Assert.All(results, r => Assert.Equal(results[0].Events.Select(e => e.Position), r.Events.Select(e => e.Position)));
        Assert.Equal(2, await test.ScalarAsync("select count(*) from __schema__.events"));
    }
}
