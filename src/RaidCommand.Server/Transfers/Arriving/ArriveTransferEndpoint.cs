using RaidCommand.Domain.Transfers;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Transfers.Arriving;

public static class ArriveTransferEndpoint
{
    public static RouteHandlerBuilder MapArriveTransfer(this RouteGroupBuilder transfers) =>
        transfers.MapTransferCommand<ArriveTransferRequest>(
                "/{transferId:guid}/arrive",
                (transferId, r, _) => new ArriveTransfer(transferId, r.Headcount, FieldTime.Required(r.OccurredAt)))
            .WithName("ArriveTransfer")
            .WithSummary("Record arrival in the destination city")
            .WithDescription("Moves every boarded person to the destination city in their custody records, atomically with the transfer. "
                + "A headcount short of the boarded count raises an alert; the step still succeeds.");
}
