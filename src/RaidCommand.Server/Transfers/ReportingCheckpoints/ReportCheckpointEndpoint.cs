using RaidCommand.Domain.Transfers;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Transfers.ReportingCheckpoints;

public static class ReportCheckpointEndpoint
{
    public static RouteHandlerBuilder MapReportCheckpoint(this RouteGroupBuilder transfers) =>
        transfers.MapTransferCommand<ReportCheckpointRequest>(
                "/{transferId:guid}/checkpoints",
                (transferId, r, _) => new ReportCheckpoint(transferId, r.Place, r.Headcount, r.Note, FieldTime.Required(r.OccurredAt)))
            .WithName("ReportCheckpoint")
            .WithSummary("Report a checkpoint with its headcount")
            .WithDescription("Only between departure and arrival (409 otherwise). A headcount short of the boarded count raises an alert; the report still succeeds.");
}
