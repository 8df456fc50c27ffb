using System.Text.Json.Nodes;
using RaidCommand.Testing;

namespace RaidCommand.EventStore.Tests.Serialization;

public sealed class UpcastingTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    public sealed record CountedV2(string Label, int Count, string Unit);

    [Fact]
    public async Task Events_stored_at_an_older_schema_are_upcast_on_read()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var stream = TestEvents.NewStreamId();
        await test.Store.AppendAsync(stream, ExpectedVersion.NoStream, [TestEvents.Happened("phones", 12)]);

        // A later release renames the event, renames a field and adds one with a default.
        var upgraded = new EventStoreOptions { Schema = test.Schema };
        upgraded.Types.Register<CountedV2>("thing-counted", schemaVersion: 2);
        upgraded.Types.Upcast("thing-happened", 1, old => new JsonObject
        {
            ["label"] = old["name"]?.DeepClone(),
            ["count"] = old["count"]?.DeepClone(),
            ["unit"] = "item",
        }, toName: "thing-counted");
        using var signal = new RaidCommand.EventStore.Feed.FeedSignal();
        var reader = new EventStore(test.DataSource, upgraded, signal);

        var events = await reader.ReadStreamAsync(stream);

        Assert.Equal(new CountedV2("phones", 12, "item"), events.Single().Data);
        Assert.Equal("thing-counted", events.Single().EventType);
        Assert.Equal(2, events.Single().SchemaVersion);
    }

    [Fact]
    public async Task An_unregistered_type_cannot_be_appended()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);

        await Assert.ThrowsAsync<UnknownEventTypeException>(() =>
            test.Store.AppendAsync(TestEvents.NewStreamId(), ExpectedVersion.Any, [new NewEvent(new CountedV2("x", 1, "u"), DateTimeOffset.UtcNow)]));
    }
}
