using Microsoft.AspNetCore.SignalR;
using Npgsql;
using RaidCommand.EventStore;
using RaidCommand.EventStore.Feed;
using RaidCommand.Server.Audit.History;
using RaidCommand.Server.Security.Access;

namespace RaidCommand.Server.Live;

/// <summary>
/// One tail of the committed, gap-free feed per node, fanned out to every live subscription of the operations its
/// events belong to: thousands of clients cost one read of the log, not one query each. Subscribing replays the
/// operation from the log up to the tail's position, then hands over to the tail without a gap or a repeat: the
/// registration and each page's dispatch take the same lock, so every event is either at or below the position read
/// at registration (and replayed from the log) or dispatched after it (and parked until the replay is done).
/// </summary>
public sealed class LiveFeed(
    EventFeed feed,
    NpgsqlDataSource dataSource,
    OperationHistory history,
    StreamOwnership ownership,
    CommandHubConnections connections,
    ILogger<LiveFeed> logger)
    : BackgroundService
{
    public const int CatchUpPageSize = 500;
    private const int OutboxCapacity = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, List<LiveSubscription>> _byOperation = [];
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FeedPosition _position;

    public async Task<Subscribed> SubscribeAsync(
        string connectionId, Guid operationId, FeedPosition after, bool revealsPersonalData, CancellationToken cancellationToken)
    {
        await _started.Task.WaitAsync(cancellationToken);
        var connection = connections.Find(connectionId) ?? throw new HubException("The connection has closed.");
        var subscription = new LiveSubscription(connection, operationId, revealsPersonalData, OutboxCapacity);
        FeedPosition upTo;
        lock (_gate)
        {
            Unsubscribe(connectionId, operationId);
            (_byOperation.TryGetValue(operationId, out var list) ? list : _byOperation[operationId] = []).Add(subscription);
            upTo = _position;
        }

        var last = after;
        while (last < upTo)
        {
            var page = await history.ReadFeedRangeAsync(operationId, last, upTo, CatchUpPageSize, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            subscription.Send(LiveMessages.Events(page.Select(e => Shaped(LiveEvents.Of(e, operationId), revealsPersonalData)).ToList()));
            last = page[^1].Position;
        }

        lock (_gate)
        {
            var parked = subscription.Parked.Where(e => e.Position > last).ToList();
            if (parked.Count > 0)
            {
                subscription.Send(LiveMessages.Events(parked.Select(e => e.Event).ToList()));
                last = parked[^1].Position;
            }

            subscription.Parked.Clear();
            subscription.CatchingUp = false;
            subscription.Send(LiveMessages.CaughtUp(new CaughtUp(operationId, (last > upTo ? last : upTo).ToString())));
        }

        return new Subscribed(operationId, upTo.ToString());
    }

    public void Unsubscribe(string connectionId, Guid operationId)
    {
        lock (_gate)
        {
            if (_byOperation.TryGetValue(operationId, out var list))
            {
                list.Where(s => s.ConnectionId == connectionId).ToList().ForEach(s => s.Close());
                list.RemoveAll(s => s.ConnectionId == connectionId);
            }
        }
    }

    public void Drop(string connectionId)
    {
        lock (_gate)
        {
            foreach (var list in _byOperation.Values)
            {
                list.Where(s => s.ConnectionId == connectionId).ToList().ForEach(s => s.Close());
                list.RemoveAll(s => s.ConnectionId == connectionId);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _position = await StartingPositionAsync(stoppingToken);
        _started.TrySetResult();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var page in feed.SubscribeAsync(_position, FeedReaderPriority.Live, stoppingToken))
                {
                    await DispatchAsync(page, stoppingToken);
                }
            }
            catch (Exception error) when (error is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                // The database went away (restart, failover): keep the position and resume once it is back.
                logger.LogWarning(error, "Live feed lost the database at {Position}; retrying", _position);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task DispatchAsync(FeedPage page, CancellationToken cancellationToken)
    {
        var byOperation = new List<(Guid Operation, FeedPosition Position, LiveEvent Event)>();
        foreach (var recorded in page.Events)
        {
            var data = LiveEvents.DataOf(recorded);
            if (await ownership.OperationOfAsync(recorded.StreamId, recorded.StreamVersion, data, cancellationToken) is { } operationId)
            {
                byOperation.Add((operationId, recorded.Position, LiveEvents.Of(recorded, operationId, data)));
            }
        }

        var live = new List<(LiveSubscription Subscription, SerializedHubMessage Message)>();
        lock (_gate)
        {
            foreach (var group in byOperation.GroupBy(e => e.Operation))
            {
                if (!_byOperation.TryGetValue(group.Key, out var subscriptions) || subscriptions.Count == 0)
                {
                    continue;
                }

                var operationPage = new LivePage([.. group.Select(e => e.Position)], [.. group.Select(e => e.Event)]);
                foreach (var subscription in subscriptions)
                {
                    if (subscription.CatchingUp)
                    {
                        subscription.Parked.AddRange(operationPage.Positions.Zip(operationPage.Events(subscription.RevealsPersonalData)));
                    }
                    else
                    {
                        live.Add((subscription, operationPage.Message(subscription.RevealsPersonalData)));
                    }
                }
            }

            _position = page.LastPosition ?? _position;
        }

        // Written outside the lock, so subscribing never waits for a fan-out. Still in order: pages are dispatched one
        // at a time, and a subscription that went live after the lock was released gets this page from its catch-up.
        foreach (var (subscription, message) in live)
        {
            subscription.Send(message);
        }
    }

    private static LiveEvent Shaped(LiveEvent full, bool revealsPersonalData) => revealsPersonalData ? full : LiveEvents.Masked(full);

    // Every transaction below the snapshot's xmin has ended, so anything committed from now on sorts after this
    // position; everything at or below it is in the log already and reaches subscribers through their catch-up.
    private async Task<FeedPosition> StartingPositionAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select pg_snapshot_xmin(pg_current_snapshot())::text");
        var xmin = ulong.Parse((string)(await command.ExecuteScalarAsync(cancellationToken))!, System.Globalization.CultureInfo.InvariantCulture);
        return new FeedPosition(xmin - 1, long.MaxValue);
    }
}
