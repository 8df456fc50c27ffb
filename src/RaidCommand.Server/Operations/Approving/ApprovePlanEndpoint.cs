using RaidCommand.Domain.Operations;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Operations.Approving;

public static class ApprovePlanEndpoint
{
    public static RouteHandlerBuilder MapApprovePlan(this RouteGroupBuilder operations) =>
        operations.MapOperationCommand<EmptyRequest>("/{operationId:guid}/approval", (id, _, context) => new ApprovePlan(id, context.Actor.Name))
            .WithName("ApprovePlan")
            .WithSummary("Approve the plan")
            .WithDescription("Needs at least one city, a team on every site and an H-hour. The approver is the signed-in actor. After approval the plan is locked.");
}
