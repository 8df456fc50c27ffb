using RaidCommand.Server.ReadModels;

namespace RaidCommand.Server.Seizures;

public static class GetSeizuresEndpoint
{
    public static RouteHandlerBuilder MapGetSeizures(this RouteGroupBuilder operations) =>
        operations.MapGet("/{operationId:guid}/seizures", (
                Guid operationId, string? after, ReadModelFreshness freshness, ReadModelStore store, CancellationToken cancellationToken) =>
                SeizureRegisterReads.ReadAsync(operationId, after, freshness, store, SeizureList.Of, cancellationToken))
            .Produces<SeizureList>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetSeizureRegister")
            .WithSummary("The operation's seizure register (扣押物品)")
            .WithDescription("Each seizure with category, quantity, description, identifiers, storage location, site, city, when it occurred and "
                + "when it was recorded, in order of occurrence, and the quantities by category. Supports ?after=<position>.");
}
