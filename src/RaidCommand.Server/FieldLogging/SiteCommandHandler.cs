using RaidCommand.Domain.Custody;
using RaidCommand.Domain.Operations;
using RaidCommand.Domain.Sites;
using RaidCommand.Server.Commands;
using RaidCommand.Server.Security.Authorization;

namespace RaidCommand.Server.FieldLogging;

/// <summary>
/// Every field-log command takes the same path: load the operation (for what the site decider must know about it),
/// load the site's log, decide, append. An arrest also opens the person's custody record in the same atomic append,
/// so there is never an arrest without a custody record or the other way round.
/// </summary>
public sealed class SiteCommandHandler(EventStore.EventStore store, CommandExecutor executor)
{
    public Task<CommandOutcome> HandleAsync(Guid operationId, SiteCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        return executor.ExecuteAsync(context, async token =>
        {
            var operation = await store.LoadAsync(StreamIds.Operation(operationId), OperationState.Initial, OperationState.Evolve, token);
            if (!operation.Exists)
            {
                throw new ResourceNotFoundException("operation", operationId);
            }

            FieldTeamAccess.RequireOwnSite(context.Actor, operation.State, command);
            var siteStream = StreamIds.Site(command.SiteId);
            var site = await store.LoadAsync(siteStream, SiteState.Initial, SiteState.Evolve, token);
            var events = SiteDecider.Decide(command, site.State, SiteContext.From(operation.State, command.SiteId), context.Now);

            // The operation is pinned at the version decided on: an operation concluded (or a team reassigned) meanwhile
            // turns this entry into a conflict, and the entry is decided again on the new state.
            var changes = new List<StreamChange> { new(siteStream, site.Version, events), new(StreamIds.Operation(operationId), operation.Version, []) };
            foreach (var arrest in events.OfType<ArrestLogged>())
            {
                changes.Add(await OpenCustodyRecordAsync(arrest, context.Now, token));
            }

            return new Decision(changes);
        }, cancellationToken);
    }

    // The person's stream is loaded rather than assumed empty: a client-chosen person id that already has a record
    // is then refused by the custody decider (409 custody.already-open) instead of failing the append over and over.
    private async Task<StreamChange> OpenCustodyRecordAsync(ArrestLogged arrest, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var personStream = StreamIds.Person(arrest.PersonId);
        var custody = await store.LoadAsync(personStream, CustodyState.Initial, CustodyState.Evolve, cancellationToken);
        return new StreamChange(personStream, custody.Version, CustodyDecider.Decide(OpenCustodyRecord.From(arrest), custody.State, now));
    }
}
