using Microsoft.AspNetCore.SignalR;

namespace RaidCommand.Server.Live;

/// <summary>
/// One connection's subscription to one operation. Its messages (catch-up pages, the events that arrived during the
/// catch-up, live events) reach the client in the order they are handed to <see cref="Send"/>: a message is written
/// to the connection at once when nothing of this subscription is waiting or being written, as a broadcast would,
/// and otherwise queued behind the one being written. Only a client whose socket does not keep up leaves anything
/// queued, so the common case costs no extra hop through the thread pool. While catching up, live events are parked
/// in <see cref="Parked"/> (guarded by the feed's lock).
/// </summary>
public sealed class LiveSubscription(
    string connectionId, Guid operationId, bool revealsPersonalData, HubCallerContext caller, IHubContext<CommandHub> hub, int capacity)
{
    private readonly Lock _gate = new();
    private readonly Queue<(string Method, object Argument)> _waiting = new();
    private bool _writing;
    private bool _closed;

    public string ConnectionId { get; } = connectionId;

    public Guid OperationId { get; } = operationId;

    public bool RevealsPersonalData { get; } = revealsPersonalData;

    public bool CatchingUp { get; set; } = true;

    public List<(EventStore.FeedPosition Position, LiveEvent Event)> Parked { get; } = [];

    /// <summary>Sends or queues a message; a client too slow to keep fewer than the capacity queued is disconnected (it resubscribes from its last position).</summary>
    public void Send(string method, object argument)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            if (_writing)
            {
                if (_waiting.Count >= capacity)
                {
                    CloseLocked();
                    caller.Abort();
                    return;
                }

                _waiting.Enqueue((method, argument));
                return;
            }

            _writing = true;
        }

        _ = WriteFromAsync(method, argument);
    }

    /// <summary>Stops sending: nothing queued is written any more.</summary>
    public void Close()
    {
        lock (_gate)
        {
            CloseLocked();
        }
    }

    private void CloseLocked()
    {
        _closed = true;
        _waiting.Clear();
    }

    // Runs synchronously as long as each write completes at once (the connection's buffer has room), and so
    // normally returns having written the one message; it yields only where a write has to wait for the socket.
    private async Task WriteFromAsync(string method, object argument)
    {
        try
        {
            while (true)
            {
                await hub.Clients.Client(ConnectionId).SendAsync(method, argument, CancellationToken.None);
                lock (_gate)
                {
                    if (_closed || !_waiting.TryDequeue(out var next))
                    {
                        _writing = false;
                        return;
                    }

                    (method, argument) = next;
                }
            }
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or InvalidOperationException)
        {
            // The connection is going away; its OnDisconnected drops the subscription.
            Close();
        }
    }
}
