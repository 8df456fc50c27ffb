using RaidCommand.Domain.Accounts;
using RaidCommand.Server.Administration.ProjectionStatus;
using RaidCommand.Server.Administration.RebuildingProjections;
using RaidCommand.Server.Administration.VerifyingIntegrity;
using RaidCommand.Server.Security.Authorization;

namespace RaidCommand.Server.Administration;

/// <summary>Operator endpoints over the event store: projection health, rebuilds, chain verification.</summary>
public static class Configuration
{
    public static IEndpointRouteBuilder MapAdministration(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/admin").WithTags("Administration").ForRole(Roles.Administrator)
            .MapProjectionStatus()
            .MapRebuildProjection()
            .MapVerifyIntegrity();
        return endpoints;
    }
}
