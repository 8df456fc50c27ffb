using RaidCommand.EventStore;
using RaidCommand.Server.Audit.History;
using RaidCommand.Server.ReadModels;

namespace RaidCommand.Server.Audit.AsOf;

/// <summary>
/// Replays an operation's events up to an instant through the live projections' own code, so an as-of view is what
/// the read model held (recorded clock) or would have held had every entry been logged on time (occurred clock).
/// </summary>
public sealed class AsOfReplay(OperationHistory history)
{
    public async Task<(IReadOnlyDictionary<string, TView> Views, int Applied)> ReplayAsync<TView>(
        DocumentProjection<TView> freshProjection, Guid operationId, AsOfQuery query, CancellationToken cancellationToken)
        where TView : class
    {
        ArgumentNullException.ThrowIfNull(freshProjection);
        ArgumentNullException.ThrowIfNull(query);
        var filter = query.Clock == AuditClock.Recorded ? HistoryFilter.All with { RecordedTo = query.At } : HistoryFilter.All with { OccurredTo = query.At };
        var events = new List<RecordedEvent>();
        await foreach (var entry in history.ReadAllAsync(operationId, filter, cancellationToken))
        {
            events.Add(entry.Event);
        }

        var ordered = query.Clock == AuditClock.Recorded ? events : [.. events.OrderBy(e => e.OccurredAt).ThenBy(e => e.GlobalPosition)];
        return (freshProjection.Replay(ordered, operationId), ordered.Count);
    }
}
