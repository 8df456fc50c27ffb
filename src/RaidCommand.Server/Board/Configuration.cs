using RaidCommand.Domain.Membership;
using RaidCommand.Server.EventSourcing;
using RaidCommand.Server.Security.Authorization;

namespace RaidCommand.Server.Board;

/// <summary>The operation board: one read-model document per operation, and the operations list.</summary>
public static class Configuration
{
    public static IServiceCollection AddBoard(this IServiceCollection services) =>
        services.AddProjection<OperationBoardProjection>();

    public static IEndpointRouteBuilder MapBoard(this IEndpointRouteBuilder endpoints)
    {
        var operations = endpoints.MapGroup("/api/operations").WithTags("Operation board");
        operations.MapListOperations().ForSignedIn();
        operations.MapGetBoard().ForMembers(Capacities.All.ToArray());
        return endpoints;
    }
}
