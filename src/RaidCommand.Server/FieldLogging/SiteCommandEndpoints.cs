using RaidCommand.Domain.Sites;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.FieldLogging;

public static class SiteCommandEndpoints
{
    /// <summary>
    /// Maps a field-log command on one site of an operation: the route names the operation and the site, the body is
    /// the request, and <paramref name="toCommand"/> turns the site id, the request and the command context into the
    /// domain command. <paramref name="location"/> optionally names the resource the command created (201 Created).
    /// </summary>
    public static RouteHandlerBuilder MapSiteCommand<TRequest>(
        this RouteGroupBuilder sites,
        string pattern,
        Func<Guid, TRequest, CommandContext, SiteCommand> toCommand,
        Func<SiteCommand, string>? location = null) =>
        sites.MapPost(pattern, async (Guid operationId, Guid siteId, TRequest request, CommandContext context, SiteCommandHandler handler, HttpContext http, CancellationToken cancellationToken) =>
        {
            var command = toCommand(siteId, request, context);
            var outcome = await handler.HandleAsync(operationId, command, context, cancellationToken);
            return CommandResults.Accepted(http, outcome, location?.Invoke(command));
        });
}
