using RaidCommand.Server.ReadModels;

namespace RaidCommand.Server.Board;

public static class GetBoardEndpoint
{
    public static RouteHandlerBuilder MapGetBoard(this RouteGroupBuilder operations) =>
        operations.MapGet("/{operationId:guid}/board", (
                Guid operationId, string? after, ReadModelFreshness freshness, ReadModelStore store, HttpContext http, CancellationToken cancellationToken) =>
                store.ServeAsync<OperationBoard>(freshness, http, new DocumentRead(
                    OperationBoardProjection.ProjectionName, OperationBoardProjection.TableName, OperationBoardProjection.DocumentId(operationId), "operation", operationId),
                    after, board => board.OperationVersion, cancellationToken))
            .WithName("GetOperationBoard")
            .WithSummary("The operation's board")
            .WithDescription("Cities with H-hour in local time, sites with status and results (战果), transfers with headcounts and alerts, and totals. "
                + "Pass ?after=<position> from a command's answer to read your own write (503 if the board does not catch up in time). "
                + "The ETag is the operation stream's version the board reflects.");
}
