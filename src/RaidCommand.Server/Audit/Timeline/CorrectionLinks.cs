using RaidCommand.Domain.Custody;
using RaidCommand.Domain.Sites;
using RaidCommand.EventStore;

namespace RaidCommand.Server.Audit.Timeline;

/// <summary>
/// Pairs each correction with the fact it corrects, in both directions, by walking the corrected record's stream:
/// a custody correction voids the decision in force when it was made; a field-entry correction names its entry.
/// Streams are read once per request, and only when a page holds a correctable fact or a correction.
/// </summary>
public sealed class CorrectionLinks(EventStore.EventStore store)
{
    public async Task<IReadOnlyDictionary<Guid, (Guid? Corrects, Guid? CorrectedBy)>> ForAsync(IEnumerable<RecordedEvent> page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var links = new Dictionary<Guid, (Guid? Corrects, Guid? CorrectedBy)>();
        var streams = page.Where(e => Corrected(e.Data) is not null || Correcting(e.Data) is not null).Select(e => e.StreamId).Distinct(StringComparer.Ordinal);
        foreach (var stream in streams)
        {
            var facts = new Dictionary<Guid, Guid>();
            foreach (var recorded in await store.ReadStreamAsync(stream, cancellationToken: cancellationToken))
            {
                if (Corrected(recorded.Data) is { } fact)
                {
                    facts[fact] = recorded.EventId;
                }
                else if (Correcting(recorded.Data) is { } target && facts.TryGetValue(target, out var original))
                {
                    links[recorded.EventId] = (original, null);
                    links[original] = (links.GetValueOrDefault(original).Corrects, recorded.EventId);
                }
            }
        }

        return links;
    }

    // What a fact is known by to its corrections: the entry id, or, for custody decisions (one in force at a time), the person.
    private static Guid? Corrected(object data) => data switch
    {
        CriminallyDetained e => e.PersonId,
        BailedPendingTrial e => e.PersonId,
        Released e => e.PersonId,
        HandedOverToJurisdiction e => e.PersonId,
        SeizureLogged e => e.SeizureId,
        AssetFrozen e => e.FreezeId,
        StopPaymentIssued e => e.StopPaymentId,
        _ => null,
    };

    private static Guid? Correcting(object data) => data switch
    {
        CustodyDecisionCorrected e => e.PersonId,
        SeizureVoided e => e.SeizureId,
        SeizureQuantityAmended e => e.SeizureId,
        FreezeVoided e => e.FreezeId,
        StopPaymentVoided e => e.StopPaymentId,
        _ => null,
    };
}
