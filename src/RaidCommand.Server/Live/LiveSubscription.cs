using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;

namespace RaidCommand.Server.Live;

/// <summary>
/// One connection's subscription to one operation. Everything it is sent goes through one bounded queue, drained by
/// one pump, so catch-up pages, the events that arrived during catch-up and live events reach the client in feed
/// order. While catching up, live events are parked in <see cref="Parked"/> (guarded by the feed's lock).
/// </summary>
public sealed class LiveSubscription(string connectionId, Guid operationId, bool revealsPersonalData, HubCallerContext caller, int capacity)
{
    private readonly Channel<(string Method, object Argument)> _outbox = Channel.CreateBounded<(string, object)>(
        new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public string ConnectionId { get; } = connectionId;

    public Guid OperationId { get; } = operationId;

    public bool RevealsPersonalData { get; } = revealsPersonalData;

    public bool CatchingUp { get; set; } = true;

    public List<(EventStore.FeedPosition Position, LiveEvent Event)> Parked { get; } = [];

    /// <summary>Queues a message; a client too slow to keep its queue below capacity is disconnected (it resubscribes from its last position).</summary>
    public void Send(string method, object argument)
    {
        if (!_outbox.Writer.TryWrite((method, argument)))
        {
            caller.Abort();
            _outbox.Writer.TryComplete();
        }
    }

    public void Close() => _outbox.Writer.TryComplete();

    public async Task PumpAsync(IHubContext<CommandHub> hub, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hub);
        await foreach (var (method, argument) in _outbox.Reader.ReadAllAsync(cancellationToken))
        {
            await hub.Clients.Client(ConnectionId).SendAsync(method, argument, cancellationToken);
        }
    }
}
