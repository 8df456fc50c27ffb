using RaidCommand.Domain.Custody;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Custody;

public static class CustodyCommandEndpoints
{
    /// <summary>Maps a command on one person's custody record named by the route's <c>{personId}</c>.</summary>
    public static RouteHandlerBuilder MapCustodyCommand<TRequest>(
        this RouteGroupBuilder persons, string pattern, Func<Guid, TRequest, CommandContext, CustodyCommand> toCommand) =>
        persons.MapCommand(pattern, "personId", toCommand);
}
