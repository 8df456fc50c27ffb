using RaidCommand.Server.ReadModels;

namespace RaidCommand.Server.Board;

public static class ListOperationsEndpoint
{
    public static RouteHandlerBuilder MapListOperations(this RouteGroupBuilder operations) =>
        operations.MapGet("/", async (string? after, ReadModelFreshness freshness, ReadModelStore store, CancellationToken cancellationToken) =>
            {
                if (!await freshness.WaitForAsync(OperationBoardProjection.ProjectionName, after, cancellationToken))
                {
                    return ReadModelLag.NotCaughtUp("operation board", after);
                }

                var boards = await store.ListAllAsync<OperationBoard>(OperationBoardProjection.TableName, cancellationToken);
                return Results.Ok(boards
                    .OrderBy(b => b.OpenedAt)
                    .Select(b => new OperationSummary(b.OperationId, b.CodeName, b.Title, b.Status))
                    .ToList());
            })
            .WithName("ListOperations")
            .WithSummary("Every operation")
            .WithDescription("Id, code name, title and status of each operation, oldest first. Supports ?after=<position>.");
}
