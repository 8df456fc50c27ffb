using RaidCommand.Domain.Custody;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Custody;

/// <summary>Every custody command takes the same path: load the person's custody stream, decide, append.</summary>
public sealed class CustodyCommandHandler(EventStore.EventStore store, CommandExecutor executor) : ICommandHandler<CustodyCommand>
{
    public Task<CommandOutcome> HandleAsync(CustodyCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        return executor.ExecuteAsync(context, async token =>
        {
            var stream = StreamIds.Person(command.PersonId);
            var custody = await store.LoadAsync(stream, CustodyState.Initial, CustodyState.Evolve, token);
            // A record is only ever opened by an arrest on a site, never through these endpoints.
            if (!custody.Exists)
            {
                throw new ResourceNotFoundException("person", command.PersonId);
            }

            return Decision.For(stream, custody.Version, CustodyDecider.Decide(command, custody.State, context.Now));
        }, cancellationToken);
    }
}
