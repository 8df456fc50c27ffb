namespace RaidCommand.EventStore;

/// <summary>The stream moved on since the writer read it. Carries the actual version so the writer can decide again.</summary>
public sealed class WrongExpectedVersionException(string streamId, ExpectedVersion expected, long actualVersion)
    : Exception($"Stream '{streamId}' is at version {actualVersion}, but the append expected {expected}.")
{
    public string StreamId { get; } = streamId;
    public ExpectedVersion Expected { get; } = expected;
    public long ActualVersion { get; } = actualVersion;
}
