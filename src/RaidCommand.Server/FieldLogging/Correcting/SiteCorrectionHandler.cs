using RaidCommand.Domain.Operations;
using RaidCommand.Domain.Sites;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.FieldLogging.Correcting;

/// <summary>Corrections of a site's field entries: load the site's log, decide, append a correction event.</summary>
public sealed class SiteCorrectionHandler(EventStore.EventStore store, CommandExecutor executor)
{
    public Task<CommandOutcome> HandleAsync(SiteCorrection command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        return executor.ExecuteAsync(context, async token =>
        {
            // The route's site must be one of the route's operation, whose membership authorized the request.
            var operation = await store.LoadAsync(StreamIds.Operation(command.OperationId), OperationState.Initial, OperationState.Evolve, token);
            if (!operation.State.Sites.ContainsKey(command.SiteId))
            {
                throw new ResourceNotFoundException("site", command.SiteId);
            }

            var stream = StreamIds.Site(command.SiteId);
            var site = await store.LoadAsync(stream, SiteState.Initial, SiteState.Evolve, token);
            return Decision.For(stream, site.Version, SiteCorrectionDecider.Decide(command, site.State, context.Now));
        }, cancellationToken);
    }
}
