using RaidCommand.Testing;

namespace RaidCommand.EventStore.Tests.Appending;

/// <summary>A stream given with no events is checked against its expected version, under its lock, and not written.</summary>
public sealed class CheckOnlyStreamTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task A_passing_check_lets_the_other_streams_be_written_and_leaves_the_checked_stream_untouched()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var (checkedStream, written) = (TestEvents.NewStreamId(), TestEvents.NewStreamId());
        await test.Store.AppendAsync(checkedStream, ExpectedVersion.NoStream, [TestEvents.Happened("a"), TestEvents.Happened("b")]);
        var headBefore = await test.ScalarAsync($"select extract(epoch from updated_at) * 1000000 from __schema__.streams where stream_id = '{checkedStream}'");

        var result = await test.Store.AppendAsync(
        [
            new StreamAppend(checkedStream, ExpectedVersion.Exactly(2), []),
            new StreamAppend(written, ExpectedVersion.NoStream, [TestEvents.Happened("x")]),
        ]);

        Assert.False(result.WasDuplicate);
        Assert.Equal(1, result.VersionOf(written));
        Assert.DoesNotContain(result.Events, e => e.StreamId == checkedStream);
        Assert.Equal(2, await test.Store.GetStreamVersionAsync(checkedStream));
        Assert.Equal(headBefore, await test.ScalarAsync($"select extract(epoch from updated_at) * 1000000 from __schema__.streams where stream_id = '{checkedStream}'"));
        Assert.Equal(3, await test.ScalarAsync("select count(*) from __schema__.events"));
        Assert.True((await test.Verifier.VerifyAllAsync()).IsIntact);
    }

    [Fact]
    public async Task A_failing_check_is_a_conflict_on_the_checked_stream_and_nothing_is_written_anywhere()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var (checkedStream, written) = (TestEvents.NewStreamId(), TestEvents.NewStreamId());
        await test.Store.AppendAsync(checkedStream, ExpectedVersion.NoStream, [TestEvents.Happened("a"), TestEvents.Happened("b")]);

        var conflict = await Assert.ThrowsAsync<WrongExpectedVersionException>(() => test.Store.AppendAsync(
        [
            new StreamAppend(written, ExpectedVersion.NoStream, [TestEvents.Happened("x")]),
            new StreamAppend(checkedStream, ExpectedVersion.Exactly(1), []),
        ]));

        Assert.Equal(checkedStream, conflict.StreamId);
        Assert.Equal(ExpectedVersion.Exactly(1), conflict.Expected);
        Assert.Equal(2, conflict.ActualVersion);
        Assert.Equal(0, await test.Store.GetStreamVersionAsync(written));
        Assert.Equal(2, await test.ScalarAsync("select count(*) from __schema__.events"));
        Assert.Equal(1, await test.ScalarAsync("select count(*) from __schema__.streams"));
    }

    [Fact]
    public async Task No_stream_on_a_missing_stream_passes_and_does_not_create_it()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var (missing, written) = (TestEvents.NewStreamId(), TestEvents.NewStreamId());

        var result = await test.Store.AppendAsync(
        [
            new StreamAppend(missing, ExpectedVersion.NoStream, []),
            new StreamAppend(written, ExpectedVersion.Any, [TestEvents.Happened("x")]),
        ]);

        Assert.Equal(1, result.VersionOf(written));
        Assert.Equal(0, await test.ScalarAsync($"select count(*) from __schema__.streams where stream_id = '{missing}'"));
        Assert.Equal(1, await test.ScalarAsync("select count(*) from __schema__.streams"));
    }

    [Fact]
    public async Task No_stream_on_an_existing_stream_fails_the_check()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var (existing, written) = (TestEvents.NewStreamId(), TestEvents.NewStreamId());
        await test.Store.AppendAsync(existing, ExpectedVersion.NoStream, [TestEvents.Happened("a")]);

        var conflict = await Assert.ThrowsAsync<WrongExpectedVersionException>(() => test.Store.AppendAsync(
        [
            new StreamAppend(existing, ExpectedVersion.NoStream, []),
            new StreamAppend(written, ExpectedVersion.NoStream, [TestEvents.Happened("x")]),
        ]));

        Assert.Equal(existing, conflict.StreamId);
        Assert.Equal(1, conflict.ActualVersion);
        Assert.Equal(0, await test.Store.GetStreamVersionAsync(written));
    }

    [Fact]
    public async Task A_resent_batch_with_a_check_is_still_acknowledged_as_a_duplicate()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var (checkedStream, written) = (TestEvents.NewStreamId(), TestEvents.NewStreamId());
        await test.Store.AppendAsync(checkedStream, ExpectedVersion.NoStream, [TestEvents.Happened("a")]);
        StreamAppend[] batch =
        [
            new StreamAppend(checkedStream, ExpectedVersion.Exactly(1), []),
            new StreamAppend(written, ExpectedVersion.NoStream, [TestEvents.Happened("x"), TestEvents.Happened("y")]),
        ];
        var original = await test.Store.AppendAsync(batch);
        // The checked stream moves on before the client's retry of the very same batch arrives.
        await test.Store.AppendAsync(checkedStream, ExpectedVersion.Any, [TestEvents.Happened("b")]);

        var retry = await test.Store.AppendAsync(batch);

        Assert.True(retry.WasDuplicate);
        Assert.Equal(original.Events, retry.Events);
        Assert.Equal(4, await test.ScalarAsync("select count(*) from __schema__.events"));
    }

    [Fact]
    public async Task An_append_of_checks_only_is_refused()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            test.Store.AppendAsync([new StreamAppend(TestEvents.NewStreamId(), ExpectedVersion.NoStream, [])]));
    }
}
