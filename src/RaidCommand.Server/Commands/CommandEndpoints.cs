using System.Globalization;

namespace RaidCommand.Server.Commands;

public static class CommandEndpoints
{
    /// <summary>
    /// Maps a command on an existing resource: the route names it (<paramref name="routeId"/>, a Guid route value),
    /// the body is the request, and <paramref name="toCommand"/> turns both, and the actor where the domain needs
    /// one (an approver, a corrector), into the domain command for <see cref="ICommandHandler{TCommand}"/>.
    /// </summary>
    public static RouteHandlerBuilder MapCommand<TRequest, TCommand>(
        this RouteGroupBuilder group, string pattern, string routeId, Func<Guid, TRequest, CommandContext, TCommand> toCommand) =>
        group.MapPost(pattern, async (TRequest request, CommandContext context, ICommandHandler<TCommand> handler, HttpContext http, CancellationToken cancellationToken) =>
            CommandResults.Accepted(http, await handler.HandleAsync(toCommand(RouteGuid(http, routeId), request, context), context, cancellationToken)));

    // The route constraint ({id:guid}) already guarantees the value parses.
    private static Guid RouteGuid(HttpContext http, string routeId) =>
        Guid.Parse((string)http.GetRouteValue(routeId)!, CultureInfo.InvariantCulture);
}
