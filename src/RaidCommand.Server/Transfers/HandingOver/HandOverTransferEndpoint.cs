using RaidCommand.Domain.Transfers;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Transfers.HandingOver;

public static class HandOverTransferEndpoint
{
    public static RouteHandlerBuilder MapHandOverTransfer(this RouteGroupBuilder transfers) =>
        transfers.MapTransferCommand<HandOverTransferRequest>(
                "/{transferId:guid}/handover",
                (transferId, r, _) => new HandOverTransfer(transferId, r.ReceivingFacility, r.ReceivingOfficer, r.Headcount, FieldTime.Required(r.OccurredAt)))
            .WithName("HandOverTransfer")
            .WithSummary("Hand the detainees over at the destination")
            .WithDescription("Completes the transfer: every boarded person is held at the receiving facility in the destination city, "
                + "atomically with the transfer. 409 transfer.not-arrived before arrival.");
}
