using RaidCommand.Server.Commands;
using RaidCommand.Server.Custody;
using RaidCommand.Server.ReadModels;

namespace RaidCommand.Server.Transfers.Reading;

public static class GetTransferEndpoint
{
    public static RouteHandlerBuilder MapGetTransfer(this RouteGroupBuilder transfers) =>
        transfers.MapGet("/{transferId:guid}", async (
                Guid transferId, string? after, ReadModelFreshness freshness, ReadModelStore store, HttpContext http, CancellationToken cancellationToken) =>
            {
                if (!await freshness.WaitForAsync(TransferViewProjection.ProjectionName, after, cancellationToken))
                {
                    return ReadModelLag.NotCaughtUp("transfer view", after);
                }

                var transfer = await store.FindAsync<TransferView>(TransferViewProjection.TableName, TransferViewProjection.DocumentId(transferId), cancellationToken)
                    ?? throw new ResourceNotFoundException("transfer", transferId);
                http.Response.Headers.ETag = CommandResults.ETag(transfer.StreamVersion);
                return Results.Ok(transfer);
            })
            .Produces<TransferView>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetTransfer")
            .WithSummary("A detainee transfer")
            .WithDescription("Status, manifest, who boarded, the headcount at each stage and every headcount alert. "
                + "Pass ?after=<position> from a command's answer to read your own write. The ETag is the transfer stream's version.");
}
