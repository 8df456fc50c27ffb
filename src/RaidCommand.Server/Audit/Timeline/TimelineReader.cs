using Microsoft.Extensions.Options;
using RaidCommand.Server.Audit.History;

namespace RaidCommand.Server.Audit.Timeline;

/// <summary>Turns an operation's history into timeline entries: descriptions, late flags and correction links.</summary>
public sealed class TimelineReader(OperationHistory history, CorrectionLinks corrections, IOptions<AuditOptions> options)
{
    public async Task<TimelinePage> PageAsync(Guid operationId, HistoryFilter filter, long after, int limit, CancellationToken cancellationToken)
    {
        var entries = new List<HistoryEntry>();
        await foreach (var entry in history.ReadAsync(operationId, filter, after, limit, cancellationToken))
        {
            entries.Add(entry);
        }

        var timeline = await ToTimelineAsync(operationId, entries, cancellationToken);
        return new TimelinePage(timeline, entries.Count == Math.Clamp(limit, 1, OperationHistory.MaxPage) ? entries[^1].Event.GlobalPosition : null);
    }

    /// <summary>The whole timeline, one page of the log at a time, for exports.</summary>
    public async IAsyncEnumerable<TimelineEntry> AllAsync(Guid operationId, HistoryFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var after = 0L;
        while (true)
        {
            var page = await PageAsync(operationId, filter, after, OperationHistory.MaxPage, cancellationToken);
            foreach (var entry in page.Entries)
            {
                yield return entry;
            }

            if (page.NextAfter is not { } next)
            {
                yield break;
            }

            after = next;
        }
    }

    private async Task<List<TimelineEntry>> ToTimelineAsync(Guid operationId, List<HistoryEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return [];
        }

        var links = await corrections.ForAsync(entries.Select(e => e.Event), cancellationToken);
        var effective = await history.EffectiveOccurredTimesAsync(operationId, entries.Max(e => e.Event.GlobalPosition), cancellationToken);
        var threshold = options.Value.LateEntryThreshold;
        return [.. entries.Select(entry =>
        {
            var e = entry.Event;
            var link = links.TryGetValue(e.EventId, out var found) ? found : default;
            return new TimelineEntry(
                e.Position.ToString(), e.GlobalPosition, e.EventId, e.StreamId, e.StreamVersion, e.EventType, TimelineDescriptions.Describe(e.Data),
                e.OccurredAt, effective[e.GlobalPosition], e.RecordedAt, e.RecordedAt - e.OccurredAt > threshold, e.Metadata.ActorId, entry.ActorName, e.Metadata.ActorRole,
                e.Metadata.DeviceId, e.Metadata.CommandId, e.Metadata.CorrelationId, link.Corrects, link.CorrectedBy, e.Data);
        })];
    }
}
