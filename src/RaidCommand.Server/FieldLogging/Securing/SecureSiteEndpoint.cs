using RaidCommand.Domain.Sites;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.FieldLogging.Securing;

public static class SecureSiteEndpoint
{
    public static RouteHandlerBuilder MapSecureSite(this RouteGroupBuilder sites) =>
        sites.MapSiteCommand<SiteStepRequest>("/secure", (siteId, r, _) => new SecureSite(siteId, r.TeamId, FieldTime.Required(r.OccurredAt)))
            .WithName("SecureSite")
            .WithSummary("Log that a site is secured")
            .WithDescription("Only after the breach (409 otherwise).");
}
