using RaidCommand.Testing;

namespace RaidCommand.EventStore.Tests.Reading;

public sealed class TimeTravelTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly Func<int, object, int> SumCounts = (total, e) => e is ThingHappened h ? total + h.Count : total;

    [Fact]
    public async Task State_can_be_rebuilt_up_to_a_version()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var stream = TestEvents.NewStreamId();
        await test.Store.AppendAsync(stream, ExpectedVersion.NoStream, [TestEvents.Happened("a", 1), TestEvents.Happened("b", 10), TestEvents.Happened("c", 100)]);

        var (state, version) = await test.Store.AggregateStreamAsync(stream, 0, SumCounts, StreamCut.AtVersion(2));
        var (whole, lastVersion) = await test.Store.AggregateStreamAsync(stream, 0, SumCounts);

        Assert.Equal((11, 2L), (state, version));
        Assert.Equal((111, 3L), (whole, lastVersion));
    }

    [Fact]
    public async Task By_recorded_time_state_is_what_the_store_knew_then()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var stream = TestEvents.NewStreamId();
        await test.Store.AppendAsync(stream, ExpectedVersion.NoStream, [TestEvents.Happened("early", 1)]);
        var firstRecorded = (await test.Store.ReadStreamAsync(stream))[0].RecordedAt;
        await Task.Delay(50);
        await test.Store.AppendAsync(stream, ExpectedVersion.Any, [TestEvents.Happened("later", 10)]);

        var (knownThen, versionThen) = await test.Store.AggregateStreamAsync(stream, 0, SumCounts, StreamCut.RecordedBy(firstRecorded));

        Assert.Equal((1, 1L), (knownThen, versionThen));
    }

    [Fact]
    public async Task By_occurred_time_a_late_entry_counts_from_when_it_happened()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var stream = TestEvents.NewStreamId();
        var hHour = new DateTimeOffset(2025, 6, 22, 6, 0, 0, TimeSpan.Zero);
        await test.Store.AppendAsync(stream, ExpectedVersion.NoStream, [TestEvents.Happened("on time", 1, hHour.AddMinutes(5))]);
        await test.Store.AppendAsync(stream, ExpectedVersion.Any, [TestEvents.Happened("next day", 10, hHour.AddDays(1))]);
        // Logged last, but it happened first: a phone that was offline.
        await test.Store.AppendAsync(stream, ExpectedVersion.Any, [TestEvents.Happened("offline phone", 100, hHour.AddMinutes(1))]);

        var (happenedByNoon, _) = await test.Store.AggregateStreamAsync(stream, 0, SumCounts, StreamCut.OccurredBy(hHour.AddHours(6)));

        Assert.Equal(101, happenedByNoon);
    }
}
