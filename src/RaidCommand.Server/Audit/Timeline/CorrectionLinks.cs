using RaidCommand.Domain.Custody;
using RaidCommand.EventStore;

namespace RaidCommand.Server.Audit.Timeline;

/// <summary>
/// Pairs each correction with the fact it voids, in both directions, by walking the corrected record's stream: a
/// correction voids the decision in force when it was made. Streams are read once per request and only when a
/// page holds a decision or a correction.
/// </summary>
public sealed class CorrectionLinks(EventStore.EventStore store)
{
    public async Task<IReadOnlyDictionary<Guid, (Guid? Corrects, Guid? CorrectedBy)>> ForAsync(IEnumerable<RecordedEvent> page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var links = new Dictionary<Guid, (Guid? Corrects, Guid? CorrectedBy)>();
        var streams = page.Where(e => IsDecision(e.Data) || e.Data is CustodyDecisionCorrected).Select(e => e.StreamId).Distinct(StringComparer.Ordinal);
        foreach (var stream in streams)
        {
            Guid? inForce = null;
            foreach (var recorded in await store.ReadStreamAsync(stream, cancellationToken: cancellationToken))
            {
                if (IsDecision(recorded.Data))
                {
                    inForce = recorded.EventId;
                }
                else if (recorded.Data is CustodyDecisionCorrected && inForce is { } voided)
                {
                    links[recorded.EventId] = (voided, null);
                    links[voided] = (null, recorded.EventId);
                    inForce = null;
                }
            }
        }

        return links;
    }

    private static bool IsDecision(object data) => data is CriminallyDetained or BailedPendingTrial or Released or HandedOverToJurisdiction;
}
