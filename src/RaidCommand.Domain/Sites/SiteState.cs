using System.Collections.Immutable;
using RaidCommand.Domain.Common;

namespace RaidCommand.Domain.Sites;

public enum SitePhase
{
    NotBreached,
    Breached,
    Secured,
    Dismantled,
}

public sealed record SiteState(
    Guid SiteId,
    SitePhase Phase,
    ImmutableHashSet<Guid> ArrestedPersonIds,
    ImmutableHashSet<Guid> SeizureIds,
    ImmutableHashSet<Guid> FreezeIds,
    ImmutableHashSet<Guid> StopPaymentIds)
{
    /// <summary>What each seizure counts now (category, quantity), for corrections; voided ones are removed.</summary>
    public ImmutableDictionary<Guid, (SeizureCategory Category, int Quantity)> CountedSeizures { get; init; } =
        ImmutableDictionary<Guid, (SeizureCategory, int)>.Empty;

    /// <summary>Amounts of the freezes and stop-payments that count now; voided ones are removed.</summary>
    public ImmutableDictionary<Guid, Money> CountedFunds { get; init; } = ImmutableDictionary<Guid, Money>.Empty;

    public static readonly SiteState Initial = new(
        Guid.Empty,
        SitePhase.NotBreached,
        ImmutableHashSet<Guid>.Empty,
        ImmutableHashSet<Guid>.Empty,
        ImmutableHashSet<Guid>.Empty,
        ImmutableHashSet<Guid>.Empty);

    public static SiteState Evolve(SiteState state, object @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        return @event switch
        {
            SiteBreached e => state with { SiteId = e.SiteId, Phase = SitePhase.Breached },
            SiteSecured e => state with { SiteId = e.SiteId, Phase = SitePhase.Secured },
            SiteDismantled e => state with { SiteId = e.SiteId, Phase = SitePhase.Dismantled },
            ArrestLogged e => state with { SiteId = e.SiteId, ArrestedPersonIds = state.ArrestedPersonIds.Add(e.PersonId) },
            SeizureLogged e => state with
            {
                SiteId = e.SiteId, SeizureIds = state.SeizureIds.Add(e.SeizureId), CountedSeizures = state.CountedSeizures.SetItem(e.SeizureId, (e.Category, e.Quantity)),
            },
            AssetFrozen e => state with { SiteId = e.SiteId, FreezeIds = state.FreezeIds.Add(e.FreezeId), CountedFunds = state.CountedFunds.SetItem(e.FreezeId, e.Amount) },
            StopPaymentIssued e => state with
            {
                SiteId = e.SiteId, StopPaymentIds = state.StopPaymentIds.Add(e.StopPaymentId), CountedFunds = state.CountedFunds.SetItem(e.StopPaymentId, e.Amount),
            },
            SeizureVoided e => state with { CountedSeizures = state.CountedSeizures.Remove(e.SeizureId) },
            SeizureQuantityAmended e => state with { CountedSeizures = state.CountedSeizures.SetItem(e.SeizureId, (e.Category, e.Quantity)) },
            FreezeVoided e => state with { CountedFunds = state.CountedFunds.Remove(e.FreezeId) },
            StopPaymentVoided e => state with { CountedFunds = state.CountedFunds.Remove(e.StopPaymentId) },
            _ => state,
        };
    }
}
