using Npgsql;
using RaidCommand.Testing;

namespace RaidCommand.EventStore.Tests.Appending;

public sealed class InlineProjectionTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task An_inline_projection_is_updated_in_the_appends_transaction()
    {
        var counter = new CountingInlineProjection();
        using var test = await TestStore.CreateAsync(database.DataSource, o => o.InlineProjections.Add(counter));
        await counter.CreateTable(test);
        var stream = TestEvents.NewStreamId();

        await test.Store.AppendAsync(stream, ExpectedVersion.NoStream, [TestEvents.Happened("a", 3), TestEvents.Happened("b", 4)]);

        Assert.Equal(7, await test.ScalarAsync("select total from __schema__.inline_totals"));
    }

    [Fact]
    public async Task A_failing_inline_projection_rolls_the_append_back()
    {
        var counter = new CountingInlineProjection { FailOn = "poison" };
        using var test = await TestStore.CreateAsync(database.DataSource, o => o.InlineProjections.Add(counter));
        await counter.CreateTable(test);
        var stream = TestEvents.NewStreamId();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            test.Store.AppendAsync(stream, ExpectedVersion.NoStream, [TestEvents.Happened("poison", 5)]));

        Assert.Equal(0, await test.Store.GetStreamVersionAsync(stream));
        Assert.Equal(0, await test.ScalarAsync("select total from __schema__.inline_totals"));
    }

    [Fact]
    public async Task A_duplicate_append_does_not_apply_the_inline_projection_twice()
    {
        var counter = new CountingInlineProjection();
        using var test = await TestStore.CreateAsync(database.DataSource, o => o.InlineProjections.Add(counter));
        await counter.CreateTable(test);
        var stream = TestEvents.NewStreamId();
        NewEvent[] batch = [TestEvents.Happened("a", 3)];

        await test.Store.AppendAsync(stream, ExpectedVersion.NoStream, batch);
        await test.Store.AppendAsync(stream, ExpectedVersion.NoStream, batch);

        Assert.Equal(3, await test.ScalarAsync("select total from __schema__.inline_totals"));
    }

    [Fact]
    public async Task An_append_with_no_event_an_inline_projection_handles_leaves_it_alone()
    {
        var counter = new CountingInlineProjection { HandledType = typeof(string) };
        using var test = await TestStore.CreateAsync(database.DataSource, o => o.InlineProjections.Add(counter));
        await counter.CreateTable(test);

        await test.Store.AppendAsync(TestEvents.NewStreamId(), ExpectedVersion.NoStream, [TestEvents.Happened("a", 3)]);

        Assert.Equal(0, counter.Calls);
        Assert.Equal(0, await test.ScalarAsync("select total from __schema__.inline_totals"));
    }

    private sealed class CountingInlineProjection : IInlineProjection
    {
        private string _schema = "";

        public string? FailOn { get; init; }

        public Type HandledType { get; init; } = typeof(ThingHappened);

        public int Calls { get; private set; }

        public bool AppliesTo(Type eventType) => eventType == HandledType;

        public async Task CreateTable(TestStore test)
        {
            _schema = test.Schema;
            await test.ExecuteAsync("create table __schema__.inline_totals (total bigint not null); insert into __schema__.inline_totals values (0)");
        }

        public async Task ApplyAsync(NpgsqlConnection connection, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
        {
            Calls++;
            var happened = events.Select(e => e.Data).OfType<ThingHappened>().ToList();
            await using var command = new NpgsqlCommand($"update {_schema}.inline_totals set total = total + $1", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = (long)happened.Sum(h => h.Count) });
            await command.ExecuteNonQueryAsync(cancellationToken);
            if (happened.Any(h => h.Name == FailOn))
            {
                throw new InvalidOperationException("The projection refuses this event.");
            }
        }
    }
}
