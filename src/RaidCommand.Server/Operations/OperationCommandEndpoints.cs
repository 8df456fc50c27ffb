using RaidCommand.Domain.Operations;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Operations;

public static class OperationCommandEndpoints
{
    /// <summary>
    /// Maps a command on an existing operation: the route names the operation, the body is the request,
    /// and <paramref name="toCommand"/> turns both (and the actor, for "approved by" and the like) into the domain command.
    /// </summary>
    public static RouteHandlerBuilder MapOperationCommand<TRequest>(
        this RouteGroupBuilder operations, string pattern, Func<Guid, TRequest, CommandContext, OperationCommand> toCommand) =>
        operations.MapPost(pattern, async (Guid operationId, TRequest request, CommandContext context, OperationCommandHandler handler, HttpContext http, CancellationToken cancellationToken) =>
            CommandResults.Accepted(http, await handler.HandleAsync(toCommand(operationId, request, context), context, cancellationToken)));
}
