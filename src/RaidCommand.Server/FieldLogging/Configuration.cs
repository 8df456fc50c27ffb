using RaidCommand.Server.FieldLogging.Breaching;
using RaidCommand.Server.FieldLogging.Dismantling;
using RaidCommand.Server.FieldLogging.FreezingAssets;
using RaidCommand.Server.FieldLogging.IssuingStopPayments;
using RaidCommand.Server.FieldLogging.LoggingArrests;
using RaidCommand.Server.FieldLogging.LoggingSeizures;
using RaidCommand.Server.FieldLogging.Securing;

namespace RaidCommand.Server.FieldLogging;

/// <summary>The field log of each site during the strike: breach, secure, dismantle, arrests, seizures, freezes, stop-payments.</summary>
public static class Configuration
{
    public static IServiceCollection AddFieldLogging(this IServiceCollection services) =>
        services.AddSingleton<SiteCommandHandler>();

    public static IEndpointRouteBuilder MapFieldLogging(this IEndpointRouteBuilder endpoints)
    {
        var sites = endpoints.MapGroup("/api/operations/{operationId:guid}/sites/{siteId:guid}").WithTags("Field logging");
        sites.MapBreachSite();
        sites.MapSecureSite();
        sites.MapDismantleSite();
        sites.MapLogArrest();
        sites.MapLogSeizure();
        sites.MapFreezeAsset();
        sites.MapIssueStopPayment();
        return endpoints;
    }
}
