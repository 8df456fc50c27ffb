namespace RaidCommand.EventStore.Feed;

/// <summary>
/// Wakes this process's feed readers when new events may be readable. It carries no data: readers
/// always read the log itself, so a lost or duplicated wake-up costs latency, never correctness.
/// </summary>
public sealed class FeedSignal : IDisposable
{
    private TaskCompletionSource _next = NewWake();
    private int _broadcastRequested;
    private readonly SemaphoreSlim _broadcast = new(0, 1);

    /// <summary>
    /// The wake-up after the current one. Take it before reading the log, then wait on it only if the read
    /// found nothing: a notification that lands between the read and the wait is then not lost.
    /// </summary>
    public Task NextWake() => Volatile.Read(ref _next).Task;

    /// <summary>Called after this process committed events: wakes local readers now and other nodes via NOTIFY.</summary>
    public void Notify()
    {
        Wake();
        if (Interlocked.Exchange(ref _broadcastRequested, 1) == 0)
        {
            _broadcast.Release();
        }
    }

    /// <summary>Wakes local readers only (a NOTIFY arrived, or the listener reconnected and may have missed some).</summary>
    public void Wake() => Interlocked.Exchange(ref _next, NewWake()).TrySetResult();

    /// <summary>Waits until <see cref="Notify"/> asked for a broadcast; many requests coalesce into one NOTIFY.</summary>
    internal async Task WaitForBroadcastRequest(CancellationToken cancellationToken)
    {
        await _broadcast.WaitAsync(cancellationToken);
        Interlocked.Exchange(ref _broadcastRequested, 0);
    }

    public void Dispose() => _broadcast.Dispose();

    private static TaskCompletionSource NewWake() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
