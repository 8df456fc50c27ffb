using RaidCommand.Domain.Operations;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Operations;

public static class OperationCommandEndpoints
{
    /// <summary>Maps a command on an operation named by the route's <c>{operationId}</c>.</summary>
    public static RouteHandlerBuilder MapOperationCommand<TRequest>(
        this RouteGroupBuilder operations, string pattern, Func<Guid, TRequest, CommandContext, OperationCommand> toCommand) =>
        operations.MapCommand(pattern, "operationId", toCommand);
}
