using RaidCommand.Domain.Transfers;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Transfers.Boarding;

public static class BoardDetaineesEndpoint
{
    public static RouteHandlerBuilder MapBoardDetainees(this RouteGroupBuilder transfers) =>
        transfers.MapTransferCommand<BoardDetaineesRequest>(
                "/{transferId:guid}/board",
                (transferId, r, _) => new BoardDetainees(transferId, r.PersonIds, FieldTime.Required(r.OccurredAt)))
            .WithName("BoardDetainees")
            .WithSummary("Board manifest persons onto the transfer")
            .WithDescription("Each boarding person's custody record is re-checked and marked as on this transfer in the same atomic write. "
                + "422 transfer.not-on-manifest, 409 transfer.person-no-longer-eligible / already-boarded / already-departed, with ids in 'subjects'.");
}
