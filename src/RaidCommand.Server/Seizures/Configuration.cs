using RaidCommand.Domain.Membership;
using RaidCommand.Server.EventSourcing;
using RaidCommand.Server.Security.Authorization;

namespace RaidCommand.Server.Seizures;

/// <summary>The registers of seized property and of funds frozen or stopped, per operation.</summary>
public static class Configuration
{
    public static IServiceCollection AddSeizures(this IServiceCollection services) =>
        services.AddProjection<SeizureRegisterProjection>();

    public static IEndpointRouteBuilder MapSeizures(this IEndpointRouteBuilder endpoints)
    {
        var operations = endpoints.MapGroup("/api/operations").WithTags("Seizures");
        operations.MapGetSeizures().ForMembers(Capacities.All.ToArray());
        operations.MapGetFunds().ForMembers(Capacities.All.ToArray());
        return endpoints;
    }
}
