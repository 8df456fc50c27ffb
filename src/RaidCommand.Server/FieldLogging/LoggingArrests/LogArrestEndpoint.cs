using RaidCommand.Domain.Sites;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.FieldLogging.LoggingArrests;

public static class LogArrestEndpoint
{
    public static RouteHandlerBuilder MapLogArrest(this RouteGroupBuilder sites) =>
        sites.MapSiteCommand<LogArrestRequest>(
                "/arrests",
                (siteId, r, context) => new LogArrest(
                    siteId, r.TeamId, FieldTime.Required(r.OccurredAt), r.PersonId ?? EventIds.For(context.CommandId, -1), r.Name, r.LocalTag, r.IdentityDocumentNumber),
                command => $"/api/persons/{((LogArrest)command).PersonId}")
            .WithName("LogArrest")
            .WithSummary("Log an arrest on a site")
            .WithDescription("Logs the arrest on the site and opens the person's custody record in one atomic write. "
                + "Returns 201 with the custody record's location (/api/persons/{personId}).");
}
