using System.Data;
using Npgsql;
using RaidCommand.EventStore;

namespace RaidCommand.Server.Audit.AsOf;

/// <summary>
/// Replays an operation's events up to an instant through the live projections' own code, so an as-of view is what
/// the read model held (recorded clock) or would have held had every entry been logged on time (occurred clock, each
/// entry counting from its effective occurred time, <see cref="EffectiveOccurredTimes"/>).
/// <para>
/// <see cref="ReplayAsync{TView}"/> starts from the nearest snapshot the <see cref="AsOfSnapshotProjection"/> stored
/// and folds only the events after it; <see cref="FullReplayAsync{TView}"/> folds from the operation's first event.
/// Both give the same answer: a snapshot is used only where it provably holds exactly the events of the cut that
/// precede the rest in the clock's order, and the full replay is the fallback whenever that cannot be shown.
/// </para>
/// </summary>
public sealed class AsOfReplay(NpgsqlDataSource dataSource, AsOfSnapshots snapshots, AsOfEventReads reads)
{
    /// <summary>The operation's views as of the query, from the nearest usable snapshot; with the number of the operation's events they reflect.</summary>
    public Task<(IReadOnlyDictionary<string, TView> Views, int Applied)> ReplayAsync<TView>(
        AsOfFold<TView> fold, Guid operationId, AsOfQuery query, CancellationToken cancellationToken)
        where TView : class =>
        InSnapshotAsync(async connection =>
        {
            await AsOfSnapshots.LockAgainstRebuildAsync(connection, cancellationToken);
            return await FromSnapshotAsync(connection, fold, operationId, query, cancellationToken)
                ?? await FullAsync(connection, fold, operationId, query, cancellationToken);
        }, cancellationToken);

    /// <summary>The same from the operation's first event, reading only the log: the reference every snapshot-backed answer equals.</summary>
    public Task<(IReadOnlyDictionary<string, TView> Views, int Applied)> FullReplayAsync<TView>(
        AsOfFold<TView> fold, Guid operationId, AsOfQuery query, CancellationToken cancellationToken)
        where TView : class =>
        InSnapshotAsync(connection => FullAsync(connection, fold, operationId, query, cancellationToken), cancellationToken);

    /// <summary>
    /// The views of one stream as of the query, from its own events only: right for views keyed by stream (a person's
    /// custody record depends on nothing but their custody stream), and cheap whatever the operation's size.
    /// </summary>
    public Task<(IReadOnlyDictionary<string, TView> Views, int Applied)> ReplayStreamAsync<TView>(
        AsOfFold<TView> fold, Guid operationId, string streamId, AsOfQuery query, CancellationToken cancellationToken)
        where TView : class =>
        InSnapshotAsync(async connection =>
        {
            ArgumentNullException.ThrowIfNull(query);
            var events = query.Clock == AuditClock.Recorded
                ? await reads.StreamRecordedCutAsync(connection, streamId, query.At, cancellationToken)
                : Events(await reads.StreamOccurredCutAsync(connection, operationId, streamId, query.At, cancellationToken));
            return Folded(fold.StartTyped(operationId), events, 0);
        }, cancellationToken);

    private async Task<(IReadOnlyDictionary<string, TView>, int)?> FromSnapshotAsync<TView>(
        NpgsqlConnection connection, AsOfFold<TView> fold, Guid operationId, AsOfQuery query, CancellationToken cancellationToken)
        where TView : class
    {
        DateTimeOffset? before = null;
        while (true)
        {
            if (await snapshots.ChooseAsync(connection, fold, operationId, query.Clock, query.At, before, cancellationToken) is not { } start)
            {
                return null;
            }

            var snapshot = start.Snapshot;
            List<RecordedEvent> tail;
            if (query.Clock == AuditClock.Recorded)
            {
                tail = await reads.RecordedTailAsync(connection, operationId, snapshot?.Position ?? FeedPosition.Start, start.Next, start.Checkpoint, query.At, cancellationToken);
            }
            else
            {
                var occurred = await reads.OccurredTailAsync(connection, operationId, snapshot?.Instant, start.Checkpoint, query.At, cancellationToken);
                if (snapshot is not null && LoggedLate(occurred, start.Checkpoint, snapshot.Instant) is { } earliest)
                {
                    // Committed after the checkpoint, so the projection has not dropped the snapshots it breaks yet: go back before it.
                    before = earliest;
                    continue;
                }

                tail = Events(occurred);
            }

            var state = snapshot is null ? fold.StartTyped(operationId) : fold.LoadTyped(operationId, start.State!);
            return Folded(state, tail, snapshot?.EventCount ?? 0);
        }
    }

    private async Task<(IReadOnlyDictionary<string, TView>, int)> FullAsync<TView>(
        NpgsqlConnection connection, AsOfFold<TView> fold, Guid operationId, AsOfQuery query, CancellationToken cancellationToken)
        where TView : class
    {
        ArgumentNullException.ThrowIfNull(query);
        var events = query.Clock == AuditClock.Recorded
            ? await reads.OperationRecordedCutAsync(connection, operationId, query.At, cancellationToken)
            : Events(await reads.OperationOccurredCutAsync(connection, operationId, query.At, cancellationToken));
        return Folded(fold.StartTyped(operationId), events, 0);
    }

    /// <summary>The earliest effective occurred time among events past the checkpoint that count from before the snapshot's cut, if any.</summary>
    private static DateTimeOffset? LoggedLate(List<OccurredClockEvent> tail, FeedPosition checkpoint, DateTimeOffset snapshotInstant)
    {
        DateTimeOffset? earliest = null;
        foreach (var (recorded, effective) in tail)
        {
            if (recorded.Position > checkpoint && effective < snapshotInstant && (earliest is null || effective < earliest))
            {
                earliest = effective;
            }
        }

        return earliest;
    }

    private static List<RecordedEvent> Events(List<OccurredClockEvent> inOccurredOrder) => [.. inOccurredOrder.Select(e => e.Event)];

    private static (IReadOnlyDictionary<string, TView>, int) Folded<TView>(AsOfFold<TView>.State state, List<RecordedEvent> events, long alreadyFolded)
        where TView : class
    {
        state.Fold(events);
        return (state.Completed(), checked((int)alreadyFolded + events.Count));
    }

    /// <summary>
    /// One repeatable-read transaction: the checkpoint, the snapshot and the events after it are read from one
    /// consistent state of the database, whatever the projection commits meanwhile.
    /// </summary>
    private async Task<T> InSnapshotAsync<T>(Func<NpgsqlConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var result = await read(connection);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
