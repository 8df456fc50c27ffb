namespace RaidCommand.EventStore.Feed;

/// <summary>
/// The feed readers whose latency people see (the live push to a command board), and how far each has read.
/// Background readers, the projection runners, give them the moment after a commit: woken by the same append, a runner
/// starts its page once every live reader has read, handed on and come back caught up, and the transports have taken
/// the push from the thread pool's queue to the sockets (<see cref="ThreadPoolQueue"/>), or after a limit at the most.
/// On a small machine seven runners reading, folding and committing at the instant of the commit are what a live push
/// otherwise waits behind; a fixed delay instead suits one write rate and one fan-out size only (docs/benchmarks.md,
/// "Live push").
/// <para>
/// Progress is counted in <see cref="FeedSignal.WakeCount"/>: a live reader takes the count after its wake-up task and
/// before its read, and reports it when that read found nothing to deliver. Each wake-up is counted before it wakes
/// anyone and is given only after its events committed, so such a read has seen every counted wake-up's events.
/// </para>
/// </summary>
public sealed class LiveReaders
{
    private readonly Lock _gate = new();
    private readonly List<Reader> _readers = [];
    private readonly ThreadPoolQueue _threadPoolQueue;
    private TaskCompletionSource _progress = NewProgress();

    public LiveReaders()
        : this(ThreadPoolQueue.OfThisProcess)
    {
    }

    internal LiveReaders(ThreadPoolQueue threadPoolQueue) => _threadPoolQueue = threadPoolQueue;

    /// <summary>How many live readers are registered (a node without a live view has none, and nobody waits).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _readers.Count;
            }
        }
    }

    /// <summary>
    /// Waits until every live reader has caught up with wake-up number <paramref name="wake"/> (a
    /// <see cref="FeedSignal.WakeCount"/>) and the thread pool's queue has emptied, for <paramref name="limit"/> at the
    /// most, so that a stalled or held-back live reader, or a node that stays busy, delays background work by no more
    /// than that.
    /// </summary>
    public async Task WaitUntilCaughtUpAsync(long wake, TimeSpan limit, CancellationToken cancellationToken)
    {
        var deadline = Environment.TickCount64 + (long)limit.TotalMilliseconds;
        while (true)
        {
            Task progress;
            lock (_gate)
            {
                if (_readers.Count == 0)
                {
                    return;
                }

                if (_readers.TrueForAll(reader => reader.CaughtUpThrough >= wake))
                {
                    break;
                }

                progress = _progress.Task;
            }

            if (!await CompletesWithin(progress, deadline - Environment.TickCount64, cancellationToken))
            {
                return;
            }
        }

        // Handed on is not yet delivered: the transports write the push to the sockets as queued thread-pool work.
        await _threadPoolQueue.WhenDrainedAsync(deadline).WaitAsync(cancellationToken);
    }

    private static async Task<bool> CompletesWithin(Task task, long remainingMilliseconds, CancellationToken cancellationToken)
    {
        if (remainingMilliseconds <= 0)
        {
            return task.IsCompleted;
        }

        try
        {
            await task.WaitAsync(TimeSpan.FromMilliseconds(remainingMilliseconds), cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Registers a live reader; disposing the registration removes it (its subscription ended).</summary>
    public Registration Register()
    {
        var reader = new Reader();
        lock (_gate)
        {
            _readers.Add(reader);
        }

        return new Registration(this, reader);
    }

    private void CaughtUp(Reader reader, long wake)
    {
        TaskCompletionSource progress;
        lock (_gate)
        {
            if (wake <= reader.CaughtUpThrough)
            {
                return;
            }

            reader.CaughtUpThrough = wake;
            progress = TakeProgressLocked();
        }

        progress.TrySetResult();
    }

    private void Remove(Reader reader)
    {
        TaskCompletionSource progress;
        lock (_gate)
        {
            _readers.Remove(reader);
            progress = TakeProgressLocked();
        }

        progress.TrySetResult();
    }

    // The progress task the waiters hold, replaced by a fresh one; the caller completes it outside the lock.
    private TaskCompletionSource TakeProgressLocked()
    {
        var progress = _progress;
        _progress = NewProgress();
        return progress;
    }

    private static TaskCompletionSource NewProgress() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal sealed class Reader
    {
        public long CaughtUpThrough { get; set; } = -1;
    }

    /// <summary>One live reader's place in <see cref="LiveReaders"/>.</summary>
    public sealed class Registration : IDisposable
    {
        private readonly LiveReaders _owner;
        private readonly Reader _reader;
        private int _disposed;

        internal Registration(LiveReaders owner, Reader reader) => (_owner, _reader) = (owner, reader);

        /// <summary>A read that started after wake-up count <paramref name="wake"/> was taken found nothing more to deliver.</summary>
        public void CaughtUp(long wake) => _owner.CaughtUp(_reader, wake);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _owner.Remove(_reader);
            }
        }
    }
}
