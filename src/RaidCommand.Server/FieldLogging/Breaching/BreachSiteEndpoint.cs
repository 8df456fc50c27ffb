using RaidCommand.Domain.Sites;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.FieldLogging.Breaching;

public static class BreachSiteEndpoint
{
    public static RouteHandlerBuilder MapBreachSite(this RouteGroupBuilder sites) =>
        sites.MapSiteCommand<SiteStepRequest>("/breach", (siteId, r, _) => new BreachSite(siteId, r.TeamId, FieldTime.Required(r.OccurredAt)))
            .WithName("BreachSite")
            .WithSummary("Log the breach of a site")
            .WithDescription("The assigned team entered the den (窝点). Refused with 409 before the site's city has launched or when already breached.");
}
