using RaidCommand.Server.EventSourcing;
using RaidCommand.Server.Security.Authorization;

namespace RaidCommand.Server.Statistics;

/// <summary>Campaign statistics (战果) across operations.</summary>
public static class Configuration
{
    public static IServiceCollection AddStatistics(this IServiceCollection services) =>
        services.AddProjection<OperationFactsProjection>();

    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGetCampaignStatistics().ForSignedIn();
        return endpoints;
    }
}
