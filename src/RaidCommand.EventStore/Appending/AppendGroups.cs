namespace RaidCommand.EventStore.Appending;

/// <summary>
/// Group commit for appends. At most <see cref="EventStoreOptions.ConcurrentAppendWrites"/> append transactions run at
/// once; an append that arrives while all of them are busy waits, and the next one to finish writes every waiting
/// append whose streams do not overlap in one transaction. Under light load nothing waits and nothing changes; when
/// officers log faster than transactions commit (the minutes after a strike), one commit, one disk flush and one
/// plan run carry many appends instead of one each.
/// <para>
/// Each append keeps its own outcome. A group is written as one multi-stream append, which locks all its streams (in
/// key order, so groups cannot deadlock) before the transaction gets an id: the feed's ordering argument holds for a
/// group as for any multi-stream append. A wrong expected version names its stream: only that append leaves the
/// group (and is written on its own, which answers the conflict, or acknowledges a retry of a stored batch), and the
/// others are written together again. Any other failure (a reused event id, a lost connection) sends every append of
/// the group to be written on its own, so each gets the answer it would have got alone; if the group had committed
/// before its answer was lost, each is then acknowledged as a retry.
/// </para>
/// </summary>
internal sealed class AppendGroups(
    Func<IReadOnlyList<StreamAppend>, CancellationToken, Task<AppendResult>> writeOne,
    Func<IReadOnlyList<StreamAppend>, Task<AppendResult>> writeGroup,
    int concurrentWrites,
    int maxGroupEvents)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<Waiting> _waiting = new();
    private int _writing;

    /// <summary>How many appends wait for a writer now.</summary>
    public int WaitingCount
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>How many writers are busy now (a writer that is done stays busy until it has looked at the queue).</summary>
    public int WritingCount
    {
        get
        {
            lock (_gate)
            {
                return _writing;
            }
        }
    }

    /// <summary>Writes <paramref name="appends"/> now, or with the next group when all writers are busy.</summary>
    public Task<Written> AppendAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken)
    {
        LinkedListNode<Waiting>? node = null;
        lock (_gate)
        {
            if (_writing < concurrentWrites)
            {
                _writing++;
            }
            else
            {
                node = _waiting.AddLast(new Waiting(appends, cancellationToken));
            }
        }

        return node is null ? WriteAloneAsync(appends, cancellationToken) : WaitAsync(node);
    }

    private async Task<Written> WriteAloneAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken)
    {
        try
        {
            return new Written(await writeOne(appends, cancellationToken), GroupSize: 1);
        }
        finally
        {
            ReleaseWriter();
        }
    }

    private async Task<Written> WaitAsync(LinkedListNode<Waiting> node)
    {
        var waiting = node.Value;
        // Cancelled while it waits: it leaves the queue and nothing is written. Once taken into a group it is written
        // with the group (the others' commit cannot be cancelled for one of them). Registered outside the gate, because
        // a token cancelled already runs the callback at once, on this thread.
        using var registration = waiting.CancellationToken.Register(() =>
        {
            lock (_gate)
            {
                if (node.List is null)
                {
                    return;
                }

                _waiting.Remove(node);
            }

            waiting.Answer.TrySetCanceled(waiting.CancellationToken);
        });
        return await waiting.Answer.Task;
    }

    /// <summary>
    /// A writer that is done looks for the next group from a thread-pool work item, queued behind the continuations of
    /// the callers it has just answered: a caller that comes straight back with its next append (an officer's phone
    /// working through its backlog) then joins the next group instead of waiting for the one after it. Looking at once,
    /// on the answering thread, found the queue short of exactly those callers, and measured about a quarter slower
    /// at sixteen concurrent writers (docs/benchmarks.md).
    /// </summary>
    private void ReleaseWriter() =>
        ThreadPool.UnsafeQueueUserWorkItem(static groups => groups.WriteNextGroupOrStop(), this, preferLocal: false);

    /// <summary>Takes the next group and writes it, or stops this writer when nobody waits.</summary>
    private void WriteNextGroupOrStop()
    {
        List<Waiting> group;
        lock (_gate)
        {
            group = TakeGroup();
            if (group.Count == 0)
            {
                _writing--;
                return;
            }
        }

        // Not awaited: this work item belongs to no caller; the writer's slot goes on until the queue is empty.
        _ = WriteGroupAsync(group);
    }

    /// <summary>
    /// The waiting appends, oldest first, that fit together: no stream twice, and no more than the event limit (the
    /// oldest always goes, however large). Must be called with the gate held.
    /// </summary>
    private List<Waiting> TakeGroup()
    {
        var group = new List<Waiting>();
        var streams = new HashSet<string>(StringComparer.Ordinal);
        var events = 0;
        for (var node = _waiting.First; node is not null;)
        {
            var next = node.Next;
            var appends = node.Value.Appends;
            var size = EventCount(appends);
            if (group.Count > 0 && events + size > maxGroupEvents)
            {
                break;
            }

            if (appends.All(a => !streams.Contains(a.StreamId)))
            {
                foreach (var append in appends)
                {
                    streams.Add(append.StreamId);
                }

                events += size;
                _waiting.Remove(node);
                group.Add(node.Value);
            }

            node = next;
        }

        return group;
    }

    private async Task WriteGroupAsync(List<Waiting> group)
    {
        try
        {
            var alone = await WriteTogetherAsync([.. group]);
            await Task.WhenAll(alone.Select(WriteOnItsOwnAsync));
        }
#pragma warning disable CA1031 // Nobody awaits this task: a fault must reach the callers, or they would wait forever.
        catch (Exception error)
#pragma warning restore CA1031
        {
            foreach (var waiting in group)
            {
                waiting.Answer.TrySetException(error);
            }
        }
        finally
        {
            ReleaseWriter();
        }
    }

    /// <summary>
    /// Writes the group in one transaction and answers its appends. An append whose expected version is wrong leaves
    /// the group (nothing was written) and the rest is tried again together; any other failure sends them all.
    /// </summary>
    /// <returns>The appends to write on their own: they get the answer they would have got without grouping (a conflict,
    /// or a retry acknowledged).</returns>
    private async Task<List<Waiting>> WriteTogetherAsync(List<Waiting> group)
    {
        var alone = new List<Waiting>();
        while (group.Count > 1)
        {
            try
            {
                Answer(group, await writeGroup([.. group.SelectMany(w => w.Appends)]));
                return alone;
            }
            catch (WrongExpectedVersionException conflict)
            {
                var owner = group.Find(w => w.Appends.Any(a => a.StreamId == conflict.StreamId));
                if (owner is null)
                {
                    break;
                }

                group.Remove(owner);
                alone.Add(owner);
            }
#pragma warning disable CA1031 // Any other failure: each append is then written, and answered, on its own.
            catch (Exception)
#pragma warning restore CA1031
            {
                break;
            }
        }

        alone.AddRange(group);
        return alone;
    }

    /// <summary>A multi-stream append answers one row per event, in the order the events were passed.</summary>
    private static void Answer(List<Waiting> group, AppendResult result)
    {
        var offset = 0;
        foreach (var waiting in group)
        {
            var count = EventCount(waiting.Appends);
            var mine = new AppendedEvent[count];
            for (var i = 0; i < count; i++)
            {
                mine[i] = result.Events[offset + i];
            }

            offset += count;
            waiting.Answer.TrySetResult(new Written(new AppendResult(mine, WasDuplicate: false), group.Count));
        }
    }

    private async Task WriteOnItsOwnAsync(Waiting waiting)
    {
        try
        {
            waiting.Answer.TrySetResult(new Written(await writeOne(waiting.Appends, waiting.CancellationToken), GroupSize: 1));
        }
#pragma warning disable CA1031 // Handed to the caller, whose call it is.
        catch (Exception error)
#pragma warning restore CA1031
        {
            if (error is OperationCanceledException && waiting.CancellationToken.IsCancellationRequested)
            {
                waiting.Answer.TrySetCanceled(waiting.CancellationToken);
            }
            else
            {
                waiting.Answer.TrySetException(error);
            }
        }
    }

    private static int EventCount(IReadOnlyList<StreamAppend> appends) => appends.Sum(a => a.Events.Count);

    private sealed class Waiting(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken)
    {
        public IReadOnlyList<StreamAppend> Appends { get; } = appends;
        public CancellationToken CancellationToken { get; } = cancellationToken;

        /// <summary>Completed asynchronously, so a caller's continuation never runs inside the writer's loop.</summary>
        public TaskCompletionSource<Written> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>An append's result, and how many appends its transaction carried (1: it was written alone).</summary>
internal readonly record struct Written(AppendResult Result, int GroupSize);
