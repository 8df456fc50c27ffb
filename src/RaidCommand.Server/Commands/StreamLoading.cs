namespace RaidCommand.Server.Commands;

/// <summary>A stream's state folded from its events, with the version it was folded at.</summary>
public sealed record Loaded<TState>(TState State, long Version)
{
    public bool Exists => Version > 0;
}

public static class StreamLoading
{
    public static async Task<Loaded<TState>> LoadAsync<TState>(
        this EventStore.EventStore store, string streamId, TState initial, Func<TState, object, TState> evolve, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (state, version) = await store.AggregateStreamAsync(streamId, initial, evolve, cancellationToken: cancellationToken);
        return new Loaded<TState>(state, version);
    }
}
