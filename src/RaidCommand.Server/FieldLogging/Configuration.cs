using RaidCommand.Domain.Membership;
using RaidCommand.Server.FieldLogging.Breaching;
using RaidCommand.Server.FieldLogging.Correcting;
using RaidCommand.Server.FieldLogging.Dismantling;
using RaidCommand.Server.FieldLogging.FreezingAssets;
using RaidCommand.Server.FieldLogging.IssuingStopPayments;
using RaidCommand.Server.FieldLogging.LoggingArrests;
using RaidCommand.Server.FieldLogging.LoggingSeizures;
using RaidCommand.Server.FieldLogging.Securing;
using RaidCommand.Server.Security.Authorization;

namespace RaidCommand.Server.FieldLogging;

/// <summary>The field log of each site during the strike: breach, secure, dismantle, arrests, seizures, freezes, stop-payments.</summary>
public static class Configuration
{
    public static IServiceCollection AddFieldLogging(this IServiceCollection services) =>
        services.AddSingleton<SiteCommandHandler>().AddSingleton<SiteCorrectionHandler>();

    public static IEndpointRouteBuilder MapFieldLogging(this IEndpointRouteBuilder endpoints)
    {
        var sites = endpoints.MapGroup("/api/operations/{operationId:guid}/sites/{siteId:guid}").WithTags("Field logging");
        sites.MapBreachSite().ForMembers(Capacities.Commander, Capacities.FieldOfficer);
        sites.MapSecureSite().ForMembers(Capacities.Commander, Capacities.FieldOfficer);
        sites.MapDismantleSite().ForMembers(Capacities.Commander, Capacities.FieldOfficer);
        sites.MapLogArrest().ForMembers(Capacities.Commander, Capacities.FieldOfficer);
        sites.MapLogSeizure().ForMembers(Capacities.Commander, Capacities.FieldOfficer);
        sites.MapFreezeAsset().ForMembers(Capacities.Commander, Capacities.FieldOfficer);
        sites.MapIssueStopPayment().ForMembers(Capacities.Commander, Capacities.FieldOfficer);
        sites.MapCorrectEntry().ForMembers(Capacities.Commander);
        return endpoints;
    }
}
