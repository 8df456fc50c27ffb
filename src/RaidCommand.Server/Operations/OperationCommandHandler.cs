using RaidCommand.Domain.Membership;
using RaidCommand.Domain.Operations;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Operations;

/// <summary>Every operation command takes the same path: load the operation's stream, decide, append.</summary>
/// <remarks>
/// Whoever opens an operation becomes its first commander in the same atomic append, so an operation is never
/// without someone allowed to run it.
/// </remarks>
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

            var decided = Decision.For(stream, operation.Version, OperationDecider.Decide(command, operation.State, context.Now));
            return command is OpenOperation ? decided with { Changes = [.. decided.Changes, OpenerJoins(command.OperationId, context)] } : decided;
        }, cancellationToken);
    }

    private static StreamChange OpenerJoins(Guid operationId, CommandContext context) =>
        new(StreamIds.Members(operationId), 0, [new MemberAdded(operationId, context.Actor.UserId, Capacities.Commander, null, context.Now)]);
}
