namespace RaidCommand.EventStore.Tests;

public sealed record ThingHappened(string Name, int Count);

public sealed record ThingRenamed(string NewName);

public static class TestEvents
{
    public static EventStoreOptions RegisterTestEvents(this EventStoreOptions options)
    {
        options.Types.Register<ThingHappened>("thing-happened").Register<ThingRenamed>("thing-renamed");
        return options;
    }

    public static NewEvent Happened(string name, int count = 1, DateTimeOffset? occurredAt = null, EventMetadata? metadata = null) =>
        new(new ThingHappened(name, count), occurredAt ?? DateTimeOffset.UtcNow, metadata);

    public static string NewStreamId() => $"thing-{Guid.NewGuid():N}";
}
