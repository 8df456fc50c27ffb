using RaidCommand.Domain.Sites;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.FieldLogging.Dismantling;

public static class DismantleSiteEndpoint
{
    public static RouteHandlerBuilder MapDismantleSite(this RouteGroupBuilder sites) =>
        sites.MapSiteCommand<SiteStepRequest>("/dismantle", (siteId, r, _) => new DismantleSite(siteId, r.TeamId, FieldTime.Required(r.OccurredAt)))
            .WithName("DismantleSite")
            .WithSummary("Log that a site is dismantled")
            .WithDescription("Only after it is secured (409 otherwise). No arrests or seizures are logged on a dismantled site; freezes and stop-payments still are.");
}
