using Microsoft.AspNetCore.Mvc;
using RaidCommand.EventStore;
using RaidCommand.EventStore.Projections;

namespace RaidCommand.Server.Administration.RebuildingProjections;

public static class RebuildProjectionEndpoint
{
    public static RouteGroupBuilder MapRebuildProjection(this RouteGroupBuilder admin)
    {
        admin.MapPost("/projections/{name}/rebuild", async (string name, ProjectionAdmin projections, EventStoreOptions options, CancellationToken cancellationToken) =>
            {
                if (options.Projections.All(p => p.Name != name))
                {
                    return Results.Problem(new ProblemDetails
                    {
                        Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = $"No projection named '{name}' is registered.",
                    });
                }

                await projections.RebuildAsync(name, cancellationToken);
                return Results.Accepted($"/api/admin/projections");
            })
            .WithName("RebuildProjection")
            .WithSummary("Rebuild a read model from the start of the event log")
            .WithDescription("Clears the projection's tables and checkpoint in one transaction; its leader replays every event. Returns 202; follow progress in the projection status.");
        return admin;
    }
}
