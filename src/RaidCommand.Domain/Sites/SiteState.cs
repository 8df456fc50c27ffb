using System.Collections.Immutable;

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
            SeizureLogged e => state with { SiteId = e.SiteId, SeizureIds = state.SeizureIds.Add(e.SeizureId) },
            AssetFrozen e => state with { SiteId = e.SiteId, FreezeIds = state.FreezeIds.Add(e.FreezeId) },
            StopPaymentIssued e => state with { SiteId = e.SiteId, StopPaymentIds = state.StopPaymentIds.Add(e.StopPaymentId) },
            _ => state,
        };
    }
}
