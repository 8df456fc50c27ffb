using RaidCommand.EventStore;
using RaidCommand.EventStore.Projections;

namespace RaidCommand.Server.ReadModels;

/// <summary>
/// Read-your-writes for eventually consistent read models: a client that passes the feed position a command
/// returned (<c>?after=</c>) gets an answer only once the projection has reached it, or a 503 if it does not in time.
/// </summary>
public sealed class ReadModelFreshness(ProjectionAdmin projections)
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    public async Task<bool> WaitForAsync(string projection, string? after, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(after))
        {
            return true;
        }

        if (!FeedPosition.TryParse(after, out var position))
        {
            throw new BadHttpRequestException("'after' must be a feed position as returned by a command, e.g. \"812-4411\".");
        }

        return await projections.WaitForCheckpointAsync(projection, position, MaxWait, cancellationToken);
    }
}
