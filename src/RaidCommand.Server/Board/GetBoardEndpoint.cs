using RaidCommand.Server.Commands;
using RaidCommand.Server.ReadModels;

namespace RaidCommand.Server.Board;

public static class GetBoardEndpoint
{
    public static RouteHandlerBuilder MapGetBoard(this RouteGroupBuilder operations) =>
        operations.MapGet("/{operationId:guid}/board", async (
                Guid operationId, string? after, ReadModelFreshness freshness, ReadModelStore store, HttpContext http, CancellationToken cancellationToken) =>
            {
                if (!await freshness.WaitForAsync(OperationBoardProjection.ProjectionName, after, cancellationToken))
                {
                    return ReadModelLag.NotCaughtUp("operation board", after);
                }

                var board = await store.FindAsync<OperationBoard>(OperationBoardProjection.TableName, OperationBoardProjection.DocumentId(operationId), cancellationToken)
                    ?? throw new ResourceNotFoundException("operation", operationId);
                http.Response.Headers.ETag = CommandResults.ETag(board.OperationVersion);
                return Results.Ok(board);
            })
            .WithName("GetOperationBoard")
            .WithSummary("The operation's board")
            .WithDescription("Cities with H-hour in local time, sites with status and results (战果), transfers with headcounts and alerts, and totals. "
                + "Pass ?after=<position> from a command's answer to read your own write (503 if the board does not catch up in time). "
                + "The ETag is the operation stream's version the board reflects.");
}
