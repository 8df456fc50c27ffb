using RaidCommand.Domain.Transfers;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Transfers.Departing;

public static class DepartTransferEndpoint
{
    public static RouteHandlerBuilder MapDepartTransfer(this RouteGroupBuilder transfers) =>
        transfers.MapTransferCommand<DepartTransferRequest>(
                "/{transferId:guid}/depart",
                (transferId, r, _) => new DepartTransfer(transferId, r.Headcount, FieldTime.Required(r.OccurredAt)))
            .WithName("DepartTransfer")
            .WithSummary("Record the transfer's departure and headcount")
            .WithDescription("A headcount that does not match the boarded count, or boarding short of the manifest, is recorded as counted "
                + "and raises a headcount alert (see GET /api/transfers/{transferId}); the step still succeeds.");
}
