using RaidCommand.Server.EventSourcing;

namespace RaidCommand.Server.Seizures;

/// <summary>The registers of seized property and of funds frozen or stopped, per operation.</summary>
public static class Configuration
{
    public static IServiceCollection AddSeizures(this IServiceCollection services) =>
        services.AddProjection<SeizureRegisterProjection>();

    public static IEndpointRouteBuilder MapSeizures(this IEndpointRouteBuilder endpoints)
    {
        var operations = endpoints.MapGroup("/api/operations").WithTags("Seizures");
        operations.MapGetSeizures();
        operations.MapGetFunds();
        return endpoints;
    }
}
