using Microsoft.AspNetCore.SignalR;

namespace RaidCommand.Server.Live;

/// <summary>
/// One connection's subscription to one operation. Its messages (catch-up pages, the events that arrived during the
/// catch-up, live events) reach the client in the order they are handed to <see cref="Send"/>: a message is written
/// to the connection at once when nothing of this subscription is waiting or being written, as a broadcast would,
/// and otherwise queued behind the one being written. Only a client whose socket does not keep up leaves anything
/// queued, so the common case costs no extra hop through the thread pool. While catching up, live events are parked
/// in <see cref="Parked"/> (guarded by the feed's lock). Messages are frames serialized once for all their subscribers
/// (<see cref="LiveMessages"/>), written straight to the connection.
/// </summary>
public sealed class LiveSubscription(HubConnectionContext connection, Guid operationId, bool revealsPersonalData, int capacity)
{
    private readonly Lock _gate = new();
    private readonly Queue<SerializedHubMessage> _waiting = new();
    private bool _writing;
    private bool _closed;

    public string ConnectionId => connection.ConnectionId;

    public Guid OperationId { get; } = operationId;

    public bool RevealsPersonalData { get; } = revealsPersonalData;

    public bool CatchingUp { get; set; } = true;

    public List<(EventStore.FeedPosition Position, LiveEvent Event)> Parked { get; } = [];

    /// <summary>Sends or queues a message; a client too slow to keep fewer than the capacity queued is disconnected (it resubscribes from its last position).</summary>
    public void Send(SerializedHubMessage message)
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
                    connection.Abort();
                    return;
                }

                _waiting.Enqueue(message);
                return;
            }

            _writing = true;
        }

        _ = WriteFromAsync(message);
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
    private async Task WriteFromAsync(SerializedHubMessage message)
    {
        try
        {
            while (true)
            {
                await connection.WriteAsync(message, CancellationToken.None);
                lock (_gate)
                {
                    if (_closed || !_waiting.TryDequeue(out var next))
                    {
                        _writing = false;
                        return;
                    }

                    message = next;
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
