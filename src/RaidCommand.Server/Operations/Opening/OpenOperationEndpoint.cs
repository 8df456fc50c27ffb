using RaidCommand.Domain.Operations;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Operations.Opening;

public static class OpenOperationEndpoint
{
    public static RouteHandlerBuilder MapOpenOperation(this RouteGroupBuilder operations) =>
        operations.MapPost("/", async (OpenOperationRequest request, CommandContext context, OperationCommandHandler handler, HttpContext http, CancellationToken cancellationToken) =>
            {
                var operationId = request.OperationId ?? EventIds.For(context.CommandId, -1);
                var outcome = await handler.HandleAsync(
                    new OpenOperation(operationId, request.CodeName, request.Title, request.OriginCase, request.HomeCity, request.Commander),
                    context, cancellationToken);
                return CommandResults.Accepted(http, outcome, $"/api/operations/{operationId}");
            })
            .WithName("OpenOperation")
            .WithSummary("Open an operation")
            .WithDescription("Opens an operation (专案) from the victim report that started the case. Returns 201 with the operation's location.");
}
