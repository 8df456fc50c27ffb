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
    public static ThreadPoolQueue OfThisProcess { get; } = new(() => ThreadPool.PendingWorkItemCount);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(1);

    private readonly Lock _gate = new();
    private Task? _drained;

    /// <summary>Completes once the queue has been seen empty; every caller meanwhile shares one poll.</summary>
    public Task WhenDrainedAsync()
    {
        if (queuedWorkItems() == 0)
        {
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            if (_drained is null || _drained.IsCompleted)
            {
                _drained = PollUntilDrained();
            }

            return _drained;
        }
    }

    private async Task PollUntilDrained()
    {
        while (queuedWorkItems() > 0)
        {
            await Task.Delay(PollInterval);
        }
    }
}
