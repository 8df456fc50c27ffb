using RaidCommand.Domain.Transfers;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Transfers;

public static class TransferCommandEndpoints
{
    /// <summary>Maps a command on a detainee transfer named by the route's <c>{transferId}</c>.</summary>
    public static RouteHandlerBuilder MapTransferCommand<TRequest>(
        this RouteGroupBuilder transfers, string pattern, Func<Guid, TRequest, CommandContext, TransferCommand> toCommand) =>
        transfers.MapCommand(pattern, "transferId", toCommand);
}
