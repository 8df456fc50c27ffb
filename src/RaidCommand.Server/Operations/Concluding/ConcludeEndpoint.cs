using RaidCommand.Domain.Operations;

namespace RaidCommand.Server.Operations.Concluding;

public static class ConcludeEndpoint
{
    public static RouteHandlerBuilder MapConclude(this RouteGroupBuilder operations) =>
        operations.MapOperationCommand<ConcludeRequest>("/{operationId:guid}/conclusion", (id, r, context) => new Conclude(id, context.Actor.Name, r.Summary))
            .WithName("ConcludeOperation")
            .WithSummary("Conclude the operation")
            .WithDescription("Only after launch. Nothing can be logged against a concluded operation.");
}
