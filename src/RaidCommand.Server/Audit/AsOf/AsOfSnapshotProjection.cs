using Microsoft.Extensions.Options;
using Npgsql;
using RaidCommand.EventStore;

namespace RaidCommand.Server.Audit.AsOf;

/// <summary>
/// Keeps what makes as-of queries cheap, in its checkpoint transaction: the <see cref="EventClockIndex"/>, and for each
/// operation, view and clock a chain of snapshots, one every <see cref="AuditOptions.SnapshotInterval"/> events.
/// <list type="bullet">
/// <item>Recorded clock: snapshot k folds every event of the operation up to a feed position, in feed order. Events
/// never enter the feed behind the checkpoint, so these never go stale.</item>
/// <item>Occurred clock: snapshot j folds, in occurred order, every event whose effective occurred time
/// (<see cref="EffectiveOccurredTimes"/>, fixed when the event is indexed) is by its instant and that is at or before
/// the checkpoint. An event logged late (counting from before a snapshot's instant) breaks that for the snapshots at or
/// after its effective time: they are dropped in the same transaction that moves the checkpoint past it, and the chain
/// is folded again from the newest snapshot still whole.</item>
/// </list>
/// Everything here is derived: a rebuild clears it and the feed replays it.
/// </summary>
public sealed class AsOfSnapshotProjection(AsOfFolds folds, EventClockIndex index, AsOfEventReads reads, IOptions<AuditOptions> options) : IProjection
{
    public const string ProjectionName = "as-of-snapshots";

    private static readonly AuditClock[] Clocks = [AuditClock.Recorded, AuditClock.Occurred];

    private readonly IReadOnlyList<AsOfFold> _folds = folds.All;

    public string Name => ProjectionName;

    private int Interval => options.Value.SnapshotInterval;

    public async Task ApplyAsync(ProjectionPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var (connection, events) = (page.Connection, page.Events);
        var owners = await reads.OwnersAsync(connection, [.. events.Select(e => e.StreamId).Distinct(StringComparer.Ordinal)], cancellationToken);
        var ofOperations = events.Where(e => owners.ContainsKey(e.StreamId)).Select(e => (OperationId: owners[e.StreamId], Event: e)).ToList();
        if (ofOperations.Count == 0)
        {
            return;
        }

        var indexed = await index.PrepareAsync(connection, ofOperations, cancellationToken);
        var heads = await AsOfSnapshots.HeadsAsync(connection, [.. indexed.Progress.Keys], _folds, indexed.EarliestEffectiveOccurred, cancellationToken);
        var extended = new List<(AsOfFold Fold, Guid OperationId, AuditClock Clock, List<(AsOfSnapshotHead, byte[])> Snapshots)>();
        foreach (var (operationId, eventCount) in indexed.EventCounts)
        {
            foreach (var fold in _folds)
            {
                foreach (var clock in Clocks)
                {
                    var head = heads.GetValueOrDefault((fold.View, operationId, clock));
                    if (eventCount - (head?.EventCount ?? 0) >= Interval)
                    {
                        extended.Add((fold, operationId, clock, await ExtendAsync(connection, fold, operationId, clock, head, indexed, cancellationToken)));
                    }
                }
            }
        }

        // The page's writes wait for the runner to send them, after every read and fold (see ProjectionPage), and in this
        // order: the stale occurred-clock snapshots go before the new ones are stored.
        index.Write(page, indexed);
        AsOfSnapshots.DropOccurredFrom(page, indexed.EarliestEffectiveOccurred);
        foreach (var (fold, operationId, clock, snapshots) in extended.Where(e => e.Snapshots.Count > 0))
        {
            AsOfSnapshots.Save(page, fold, operationId, clock, snapshots);
        }
    }

    public async Task ResetAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await AsOfSnapshots.ResetAsync(connection, cancellationToken);
        await index.ResetAsync(connection, cancellationToken);
    }

    /// <summary>
    /// Folds the events after the chain's newest snapshot (or from the start), the indexed ones and the page's, and returns
    /// a snapshot at every interval.
    /// </summary>
    private async Task<List<(AsOfSnapshotHead, byte[])>> ExtendAsync(
        NpgsqlConnection connection, AsOfFold fold, Guid operationId, AuditClock clock, AsOfSnapshotHead? head, IndexedEvents page, CancellationToken cancellationToken)
    {
        var state = head is null
            ? fold.Start(operationId)
            : fold.Load(operationId, await AsOfSnapshots.LoadStateAsync(connection, fold, operationId, clock, head.EventCount, cancellationToken));
        var events = clock == AuditClock.Recorded
            ? await RecordedAfterAsync(connection, operationId, head, page, cancellationToken)
            : await OccurredAfterAsync(connection, operationId, head, page, cancellationToken);
        var snapshots = new List<(AsOfSnapshotHead, byte[])>();
        var (eventCount, instant) = (head?.EventCount ?? 0, head?.Instant ?? DateTimeOffset.MinValue);
        foreach (var run in Runs(events))
        {
            state.Fold([.. run.Select(e => e.Event)]);
            eventCount += run.Count;
            // Recorded: the newest recorded time folded so far (feed order and recorded order may differ). Occurred: the cut.
            instant = run[^1].OccurredCut ?? run.Select(e => e.Event.RecordedAt).Append(instant).Max();
            snapshots.Add((new AsOfSnapshotHead(eventCount, run[^1].Event.Position, instant), state.Serialize()));
        }

        return snapshots;
    }

    // In feed order: the indexed events after the snapshot, then the page's, which all come after the checkpoint.
    private async Task<List<(RecordedEvent Event, DateTimeOffset? OccurredCut)>> RecordedAfterAsync(
        NpgsqlConnection connection, Guid operationId, AsOfSnapshotHead? head, IndexedEvents page, CancellationToken cancellationToken)
    {
        var indexed = await reads.IndexedAfterPositionAsync(connection, operationId, head?.Position ?? FeedPosition.Start, cancellationToken);
        return [.. indexed.Concat(page.Of(operationId).Select(e => e.Event)).Select(e => (e, (DateTimeOffset?)null))];
    }

    // In occurred order, as the index orders them (effective occurred time, then feed position): the indexed events and
    // the page's whose effective occurred time is after the snapshot's instant.
    private async Task<List<(RecordedEvent Event, DateTimeOffset? OccurredCut)>> OccurredAfterAsync(
        NpgsqlConnection connection, Guid operationId, AsOfSnapshotHead? head, IndexedEvents page, CancellationToken cancellationToken)
    {
        var indexed = await reads.IndexedAfterInstantAsync(connection, operationId, head?.Instant, cancellationToken);
        var fromPage = page.Of(operationId).Where(e => head is null || e.EffectiveOccurredAt > head.Instant);
        return [.. indexed.Concat(fromPage)
            .OrderBy(e => e.EffectiveOccurredAt).ThenBy(e => e.Event.Position)
            .Select(e => (e.Event, (DateTimeOffset?)e.EffectiveOccurredAt))];
    }

    /// <summary>
    /// Consecutive runs of at least the interval, each ending where a snapshot may be cut; what is left after the last
    /// full run waits for more events. On the occurred clock (events with their effective occurred time as the cut) a run
    /// never ends between two events that count from the same instant, since a snapshot cut at an instant must hold
    /// every event that counts by it.
    /// </summary>
    private IEnumerable<List<(RecordedEvent Event, DateTimeOffset? OccurredCut)>> Runs(List<(RecordedEvent Event, DateTimeOffset? OccurredCut)> events)
    {
        var run = new List<(RecordedEvent, DateTimeOffset?)>();
        for (var i = 0; i < events.Count; i++)
        {
            run.Add(events[i]);
            var endsInstant = events[i].OccurredCut is not { } cut || i == events.Count - 1 || events[i + 1].OccurredCut > cut;
            if (run.Count >= Interval && endsInstant)
            {
                yield return run;
                run = [];
            }
        }
    }
}
