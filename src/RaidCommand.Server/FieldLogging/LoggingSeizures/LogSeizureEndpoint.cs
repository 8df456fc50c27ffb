using RaidCommand.Domain.Sites;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.FieldLogging.LoggingSeizures;

public static class LogSeizureEndpoint
{
    public static RouteHandlerBuilder MapLogSeizure(this RouteGroupBuilder sites) =>
        sites.MapSiteCommand<LogSeizureRequest>("/seizures", (siteId, r, context) => new LogSeizure(
                siteId, r.TeamId, FieldTime.Required(r.OccurredAt), r.SeizureId ?? EventIds.For(context.CommandId, -1), r.Category, r.Quantity,
                r.Description, r.Identifiers ?? [], r.StorageLocation, r.CashAmount))
            .WithName("LogSeizure")
            .WithSummary("Log a seizure on a site")
            .WithDescription("Category, positive quantity, description and storage location are required; cash carries its amount. Refused with 409 once the site is dismantled.");
}
