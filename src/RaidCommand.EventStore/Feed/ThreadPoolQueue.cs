namespace RaidCommand.EventStore.Feed;

/// <summary>
/// Tells when this process's thread pool has no queued work. A live reader's push does not end when it has handed its
/// messages on: each connection's transport then writes them to its socket as work queued on the thread pool (with a
/// thousand clients, a thousand items, tens of milliseconds of both cores on a small machine). Background work that
/// waits for the queue to empty starts after that delivery instead of inside it, however many clients there are.
/// </summary>
/// <param name="queuedWorkItems">How many work items wait in the queue: <see cref="ThreadPool.PendingWorkItemCount"/>, or a test's stand-in.</param>
internal sealed class ThreadPoolQueue(Func<long> queuedWorkItems)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(1);

    private readonly Lock _gate = new();
    private Task? _poll;
    private long _pollUntil;

    /// <summary>The process's own queue; one instance, so that every waiter in the process shares one poll.</summary>
    public static ThreadPoolQueue OfThisProcess { get; } = new(() => ThreadPool.PendingWorkItemCount);

    /// <summary>
    /// Completes once the queue has been seen empty, or at <paramref name="deadline"/> (an
    /// <see cref="Environment.TickCount64"/>) if it never is. Waiters meanwhile share one poll, which ends with the
    /// latest of their deadlines: a node that stays busy is not polled for nobody.
    /// </summary>
    public Task WhenDrainedAsync(long deadline)
    {
        if (queuedWorkItems() == 0)
        {
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            Interlocked.Exchange(ref _pollUntil, Math.Max(_pollUntil, deadline)); // Raised only under the lock.
            if (_poll is null || _poll.IsCompleted)
            {
                _poll = PollUntilDrained();
            }

            return _poll;
        }
    }

    private async Task PollUntilDrained()
    {
        while (queuedWorkItems() > 0 && Environment.TickCount64 < Interlocked.Read(ref _pollUntil))
        {
            await Task.Delay(PollInterval);
        }
    }
}
