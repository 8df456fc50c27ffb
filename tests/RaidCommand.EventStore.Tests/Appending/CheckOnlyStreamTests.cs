using RaidCommand.Testing;

namespace RaidCommand.EventStore.Tests.Appending;

/// <summary>A stream appended with no events is only checked: locked, its version compared, nothing written to it.</summary>
public sealed class CheckOnlyStreamTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task A_checked_stream_at_the_expected_version_lets_the_others_be_written_and_is_left_untouched()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var (pinned, written) = (TestEvents.NewStreamId(), TestEvents.NewStreamId());
        await test.Store.AppendAsync(pinned, ExpectedVersion.NoStream, [TestEvents.Happened("plan")]);
        var updatedBefore = await test.ScalarAsync($"select extract(epoch from updated_at)::bigint * 1000000 + extract(microseconds from updated_at)::bigint from __schema__.streams where stream_id = '{pinned}'");

        var result = await test.Store.AppendAsync([
            new StreamAppend(pinned, ExpectedVersion.Exactly(1), []),
            new StreamAppend(written, ExpectedVersion.NoStream, [TestEvents.Happened("entry")]),
        ]);

        Assert.Equal(1, result.VersionOf(written));
        Assert.Equal(1, await test.Store.GetStreamVersionAsync(pinned));
        Assert.Single(await test.Store.ReadStreamAsync(pinned));
        Assert.Equal(updatedBefore, await test.ScalarAsync($"select extract(epoch from updated_at)::bigint * 1000000 + extract(microseconds from updated_at)::bigint from __schema__.streams where stream_id = '{pinned}'"));
        Assert.True((await test.Verifier.VerifyAllAsync()).IsIntact);
    }

    [Fact]
    public async Task A_checked_stream_that_moved_on_refuses_the_whole_append()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var (pinned, written) = (TestEvents.NewStreamId(), TestEvents.NewStreamId());
        await test.Store.AppendAsync(pinned, ExpectedVersion.NoStream, [TestEvents.Happened("plan"), TestEvents.Happened("concluded")]);

        var conflict = await Assert.ThrowsAsync<WrongExpectedVersionException>(() => test.Store.AppendAsync([
            new StreamAppend(pinned, ExpectedVersion.Exactly(1), []),
            new StreamAppend(written, ExpectedVersion.NoStream, [TestEvents.Happened("entry")]),
        ]));

        Assert.Equal(pinned, conflict.StreamId);
        Assert.Equal(2, conflict.ActualVersion);
        Assert.Equal(0, await test.Store.GetStreamVersionAsync(written));
    }

    [Fact]
    public async Task Checking_that_a_stream_does_not_exist_creates_no_row_for_it()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var (absent, written) = (TestEvents.NewStreamId(), TestEvents.NewStreamId());

        await test.Store.AppendAsync([
            new StreamAppend(absent, ExpectedVersion.NoStream, []),
            new StreamAppend(written, ExpectedVersion.NoStream, [TestEvents.Happened("entry")]),
        ]);

        Assert.Equal(0, await test.ScalarAsync($"select count(*) from __schema__.streams where stream_id = '{absent}'"));
    }

    [Fact]
    public async Task A_retried_batch_with_a_checked_stream_is_acknowledged_as_a_duplicate()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var (pinned, written) = (TestEvents.NewStreamId(), TestEvents.NewStreamId());
        await test.Store.AppendAsync(pinned, ExpectedVersion.NoStream, [TestEvents.Happened("plan")]);
        StreamAppend[] batch = [new(pinned, ExpectedVersion.Exactly(1), []), new(written, ExpectedVersion.NoStream, [TestEvents.Happened("entry")])];

        var first = await test.Store.AppendAsync(batch);
        var retry = await test.Store.AppendAsync(batch);

        Assert.True(retry.WasDuplicate);
        Assert.Equal(first.Events.Select(e => e.Position), retry.Events.Select(e => e.Position));
    }

    [Fact]
    public async Task An_append_of_checks_only_is_refused()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);

        await Assert.ThrowsAsync<ArgumentException>(() => test.Store.AppendAsync([new StreamAppend(TestEvents.NewStreamId(), ExpectedVersion.NoStream, [])]));
    }
}
