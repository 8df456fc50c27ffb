namespace RaidCommand.EventStore.Integrity;

/// <summary>The outcome of checking hash chains: intact, or the first broken link found.</summary>
/// <param name="ChainHeads">Each checked stream's newest hash, for a signed summary of an intact store.</param>
public sealed record ChainVerification(
    bool IsIntact, long StreamsChecked, long EventsChecked, BrokenLink? FirstBrokenLink, IReadOnlyDictionary<string, string> ChainHeads);

/// <summary>Where a chain breaks and why. Version and position are absent when the break is a missing or extra stream.</summary>
public sealed record BrokenLink(string StreamId, long? StreamVersion, long? GlobalPosition, string Reason);
