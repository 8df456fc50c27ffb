using RaidCommand.Domain.Custody;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Custody;

public static class CustodyCommandEndpoints
{
    /// <summary>
    /// Maps a command on one person's custody record: the route names the person, the body is the request, and
    /// <paramref name="toCommand"/> turns both (and the actor, e.g. for the corrector) into the domain command.
    /// </summary>
    public static RouteHandlerBuilder MapCustodyCommand<TRequest>(
        this RouteGroupBuilder persons, string pattern, Func<Guid, TRequest, CommandContext, CustodyCommand> toCommand) =>
        persons.MapPost(pattern, async (Guid personId, TRequest request, CommandContext context, CustodyCommandHandler handler, HttpContext http, CancellationToken cancellationToken) =>
            CommandResults.Accepted(http, await handler.HandleAsync(toCommand(personId, request, context), context, cancellationToken)));
}
