using RaidCommand.Server.ReadModels;
using RaidCommand.Server.Security.Authentication;

namespace RaidCommand.Server.Board;

public static class ListOperationsEndpoint
{
    public static RouteHandlerBuilder MapListOperations(this RouteGroupBuilder operations) =>
        operations.MapGet("/", async (string? after, ReadModelFreshness freshness, ReadModelStore store, HttpContext http, CancellationToken cancellationToken) =>
            {
                if (!await freshness.WaitForAsync(OperationBoardProjection.ProjectionName, after, cancellationToken))
                {
                    return ReadModelLag.NotCaughtUp("operation board", after);
                }

                var caller = http.RequireCaller();
                var boards = await store.ListAllAsync<OperationBoard>(OperationBoardProjection.TableName, cancellationToken);
                return Results.Ok(boards
                    .Where(b => caller.MembershipOf(b.OperationId) is not null)
                    .OrderBy(b => b.OpenedAt)
                    .Select(b => new OperationSummary(b.OperationId, b.CodeName, b.Title, b.Status))
                    .ToList());
            })
            .WithName("ListOperations")
            .WithSummary("My operations")
            .WithDescription("Id, code name, title and status of each operation the caller is a member of, oldest first. Supports ?after=<position>.");
}
