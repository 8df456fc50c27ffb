namespace RaidCommand.EventStore.Feed;

/// <summary>
/// Wakes this process's feed readers when new events may be readable. It carries no data: readers
/// always read the log itself, so a lost or duplicated wake-up costs latency, never correctness.
/// <para>
/// Two kinds of news, kept apart so that neither wakes readers it cannot help: a <em>wake</em> (events were committed)
/// concerns every reader; a <em>horizon move</em> (a transaction that may have held the feed back has ended, e.g. a
/// projection's page) concerns only readers whose last read was held back. Every projection commit used to wake every
/// reader, for an empty read each, right after every append.
/// </para>
/// </summary>
public sealed class FeedSignal : IDisposable
{
    private TaskCompletionSource _next = NewWake();
    private TaskCompletionSource _horizon = NewWake();
    private long _wakes;
    private int _broadcastRequested;
    private readonly SemaphoreSlim _broadcast = new(0, 1);

    /// <summary>The latency-critical readers that background readers let go first after a wake-up.</summary>
    public LiveReaders LiveReaders { get; } = new();

    /// <summary>How many wake-ups this signal has given; a reader that takes it before a read has seen those wake-ups' events once the read is done.</summary>
    public long WakeCount => Interlocked.Read(ref _wakes);

    /// <summary>
    /// The wake-up after the current one. Take it before reading the log, then wait on it only if the read
    /// found nothing: a notification that lands between the read and the wait is then not lost.
    /// </summary>
    public Task NextWake() => Volatile.Read(ref _next).Task;

    /// <summary>The horizon move after the current one; taken, like <see cref="NextWake"/>, before the read it follows.</summary>
    public Task NextHorizonMove() => Volatile.Read(ref _horizon).Task;

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
    public void Wake()
    {
        // Counted before the readers are woken, so that a reader which takes the count after its wake-up task has
        // seen this wake-up's events by the end of its next read (see LiveReaders).
        Interlocked.Increment(ref _wakes);
        Interlocked.Exchange(ref _next, NewWake()).TrySetResult();
    }

    /// <summary>A transaction of this process that may have held readers back has ended: held-back readers look again.</summary>
    public void HorizonMoved() => Interlocked.Exchange(ref _horizon, NewWake()).TrySetResult();

    /// <summary>Waits until <see cref="Notify"/> asked for a broadcast; many requests coalesce into one NOTIFY.</summary>
    internal async Task WaitForBroadcastRequest(CancellationToken cancellationToken)
    {
        await _broadcast.WaitAsync(cancellationToken);
        Interlocked.Exchange(ref _broadcastRequested, 0);
    }

    public void Dispose() => _broadcast.Dispose();

    private static TaskCompletionSource NewWake() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
