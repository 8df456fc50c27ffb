using RaidCommand.Domain.Transfers;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Transfers;

public static class TransferCommandEndpoints
{
    /// <summary>
    /// Maps a step of an existing transfer: the route names the transfer, the body is the request, and
    /// <paramref name="toCommand"/> turns both into the domain command.
    /// </summary>
    public static RouteHandlerBuilder MapTransferCommand<TRequest>(
        this RouteGroupBuilder transfers, string pattern, Func<Guid, TRequest, CommandContext, TransferCommand> toCommand) =>
        transfers.MapPost(pattern, async (Guid transferId, TRequest request, CommandContext context, TransferCommandHandler handler, HttpContext http, CancellationToken cancellationToken) =>
            CommandResults.Accepted(http, await handler.HandleAsync(toCommand(transferId, request, context), context, cancellationToken)));
}
