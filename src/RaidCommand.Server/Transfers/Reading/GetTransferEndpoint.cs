using RaidCommand.Server.ReadModels;

namespace RaidCommand.Server.Transfers.Reading;

public static class GetTransferEndpoint
{
    public static RouteHandlerBuilder MapGetTransfer(this RouteGroupBuilder transfers) =>
        transfers.MapGet("/{transferId:guid}", (
                Guid transferId, string? after, ReadModelFreshness freshness, ReadModelStore store, HttpContext http, CancellationToken cancellationToken) =>
                store.ServeAsync<TransferView>(freshness, http, new DocumentRead(
                    TransferViewProjection.ProjectionName, TransferViewProjection.TableName, TransferViewProjection.DocumentId(transferId), "transfer", transferId),
                    after, transfer => transfer.StreamVersion, cancellationToken))
            .Produces<TransferView>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetTransfer")
            .WithSummary("A detainee transfer")
            .WithDescription("Status, manifest, who boarded, the headcount at each stage and every headcount alert. "
                + "Pass ?after=<position> from a command's answer to read your own write. The ETag is the transfer stream's version.");
}
