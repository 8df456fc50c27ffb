using RaidCommand.Domain.Transfers;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Transfers.Planning;

public static class PlanTransferEndpoint
{
    public static RouteHandlerBuilder MapPlanTransfer(this RouteGroupBuilder operations) =>
        operations.MapPost("/{operationId:guid}/transfers", async (
                Guid operationId, PlanTransferRequest request, CommandContext context, TransferCommandHandler handler, HttpContext http, CancellationToken cancellationToken) =>
            {
                var transferId = request.TransferId ?? EventIds.For(context.CommandId, -1);
                var outcome = await handler.HandleAsync(
                    new PlanTransfer(
                        transferId, operationId, request.OriginCity, request.DestinationCity, request.Mode, request.VehicleOrFlight,
                        request.EscortTeamId, request.Manifest, context.Actor.Name),
                    context, cancellationToken);
                return CommandResults.Accepted(http, outcome, $"/api/transfers/{transferId}");
            })
            .WithName("PlanTransfer")
            .WithSummary("Plan a detainee transfer (押解)")
            .WithDescription("The planner is the acting officer. Every manifest person must be of this operation, criminally detained, "
                + "in the origin city and on no other transfer; otherwise 422 transfer.ineligible-persons with the offending ids in 'subjects'. "
                + "Returns 201 with the transfer's location.");
}
