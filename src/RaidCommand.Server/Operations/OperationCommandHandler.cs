using RaidCommand.Domain.Operations;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Operations;

/// <summary>Every operation command takes the same path: load the operation's stream, decide, append.</summary>
public sealed class OperationCommandHandler(EventStore.EventStore store, CommandExecutor executor) : ICommandHandler<OperationCommand>
{
    public Task<CommandOutcome> HandleAsync(OperationCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        return executor.ExecuteAsync(context, async token =>
        {
            var stream = StreamIds.Operation(command.OperationId);
            var operation = await store.LoadAsync(stream, OperationState.Initial, OperationState.Evolve, token);
            if (!operation.Exists && command is not OpenOperation)
            {
                throw new ResourceNotFoundException("operation", command.OperationId);
            }

            return Decision.For(stream, operation.Version, OperationDecider.Decide(command, operation.State, context.Now));
        }, cancellationToken);
    }
}
