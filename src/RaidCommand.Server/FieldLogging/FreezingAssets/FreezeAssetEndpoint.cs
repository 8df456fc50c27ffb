using RaidCommand.Domain.Sites;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.FieldLogging.FreezingAssets;

public static class FreezeAssetEndpoint
{
    public static RouteHandlerBuilder MapFreezeAsset(this RouteGroupBuilder sites) =>
        sites.MapSiteCommand<FreezeAssetRequest>("/freezes", (siteId, r, context) => new FreezeAsset(
                siteId, r.TeamId, FieldTime.Required(r.OccurredAt), r.FreezeId ?? EventIds.For(context.CommandId, -1), r.AccountHolder, r.Bank,
                r.AccountNumber, r.Amount, r.FreezeOrderReference))
            .WithName("FreezeAsset")
            .WithSummary("Log an asset freeze (冻结)")
            .WithDescription("An account frozen under a freeze order, traced from the site. Allowed after dismantling.");
}
