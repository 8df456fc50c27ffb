using RaidCommand.Testing;

namespace RaidCommand.EventStore.Tests.Reading;

public sealed class AggregateCacheTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    /// <summary>Sums the counts and records every event it folds, so a test can tell what was read again.</summary>
    private sealed class CountingFold
    {
        public List<string> Folded { get; } = [];

        public int Sum(int total, object @event)
        {
            var happened = (ThingHappened)@event;
            Folded.Add(happened.Name);
            return total + happened.Count;
        }
    }

    /// <summary>A new stream with these events, loaded once through <paramref name="fold"/> so that its state is cached.</summary>
    private static async Task<string> CachedStreamAsync(TestStore test, CountingFold fold, params NewEvent[] events)
    {
        var stream = TestEvents.NewStreamId();
        await test.Store.AppendAsync(stream, ExpectedVersion.NoStream, events);
        await test.Store.AggregateStreamAsync(stream, 0, fold.Sum);
        return stream;
    }

    [Fact]
    public async Task A_stream_loaded_again_folds_only_the_events_appended_since()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var fold = new CountingFold();
        var stream = await CachedStreamAsync(test, fold, TestEvents.Happened("a", 1), TestEvents.Happened("b", 10));
        await test.Store.AppendAsync(stream, ExpectedVersion.Any, [TestEvents.Happened("c", 100)]);

        fold.Folded.Clear();
        var loaded = await test.Store.AggregateStreamAsync(stream, 0, fold.Sum);
        var unchanged = await test.Store.AggregateStreamAsync(stream, 0, fold.Sum);

        Assert.Equal((111, 3L), loaded);
        Assert.Equal((111, 3L), unchanged);
        Assert.Equal(["c"], fold.Folded);
    }

    [Fact]
    public async Task Another_nodes_appends_are_read_from_the_database()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var otherNode = new EventStore(test.DataSource, test.Options, test.Signal);
        var fold = new CountingFold();
        var stream = await CachedStreamAsync(test, fold, TestEvents.Happened("here", 1));

        await otherNode.AppendAsync(stream, ExpectedVersion.Exactly(1), [TestEvents.Happened("there", 10)]);

        Assert.Equal((11, 2L), await test.Store.AggregateStreamAsync(stream, 0, fold.Sum));
    }

    [Fact]
    public async Task Another_fold_or_another_initial_state_is_not_served_from_the_cache()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var fold = new CountingFold();
        var stream = await CachedStreamAsync(test, fold, TestEvents.Happened("a", 1), TestEvents.Happened("b", 10));

        var fromAnotherStart = await test.Store.AggregateStreamAsync(stream, 1000, fold.Sum);
        var countedInstead = await test.Store.AggregateStreamAsync(stream, 0, (int count, object _) => count + 1);

        Assert.Equal((1011, 2L), fromAnotherStart);
        Assert.Equal((2, 2L), countedInstead);
    }

    [Fact]
    public async Task A_cut_is_folded_from_the_first_event_even_when_the_whole_stream_is_cached()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var fold = new CountingFold();
        var stream = await CachedStreamAsync(test, fold, TestEvents.Happened("a", 1), TestEvents.Happened("b", 10), TestEvents.Happened("c", 100));

        Assert.Equal((11, 2L), await test.Store.AggregateStreamAsync(stream, 0, fold.Sum, StreamCut.AtVersion(2)));
    }

    [Fact]
    public async Task A_cache_ahead_of_the_database_is_dropped_at_the_first_conflict()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var fold = new CountingFold();
        var stream = await CachedStreamAsync(test, fold, TestEvents.Happened("a", 1), TestEvents.Happened("b", 10));
        // What a restore from an older backup does under a running node.
        await test.ExecuteAsync($"delete from __schema__.events where stream_id = '{stream}' and stream_version = 2");
        await test.ExecuteAsync($"update __schema__.streams set version = 1 where stream_id = '{stream}'");

        var stale = await test.Store.AggregateStreamAsync(stream, 0, fold.Sum);
        var conflict = await Assert.ThrowsAsync<WrongExpectedVersionException>(
            () => test.Store.AppendAsync(stream, ExpectedVersion.Exactly(stale.Version), [TestEvents.Happened("c", 100)]));
        var reloaded = await test.Store.AggregateStreamAsync(stream, 0, fold.Sum);

        Assert.Equal(1, conflict.ActualVersion);
        Assert.Equal((1, 1L), reloaded);
    }

    [Fact]
    public async Task With_the_cache_off_every_load_folds_the_whole_stream()
    {
        using var test = await TestStore.CreateAsync(database.DataSource, options => options.AggregateCacheSize = 0);
        var stream = TestEvents.NewStreamId();
        var fold = new CountingFold();
        await test.Store.AppendAsync(stream, ExpectedVersion.NoStream, [TestEvents.Happened("a", 1), TestEvents.Happened("b", 10)]);

        await test.Store.AggregateStreamAsync(stream, 0, fold.Sum);
        await test.Store.AggregateStreamAsync(stream, 0, fold.Sum);

        Assert.Equal(["a", "b", "a", "b"], fold.Folded);
    }
}
