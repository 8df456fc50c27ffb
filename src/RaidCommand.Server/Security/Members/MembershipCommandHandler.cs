using RaidCommand.Domain.Accounts;
using RaidCommand.Domain.Membership;
using RaidCommand.Domain.Operations;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Security.Members;

/// <summary>
/// Membership commands: load the operation's roster, the account being added and the operation's teams; decide;
/// append to the roster (which updates the access table inline).
/// </summary>
public sealed class MembershipCommandHandler(EventStore.EventStore store, CommandExecutor executor) : ICommandHandler<MembershipCommand>
{
    public Task<CommandOutcome> HandleAsync(MembershipCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        return executor.ExecuteAsync(context, async token =>
        {
            var operation = await store.LoadAsync(StreamIds.Operation(command.OperationId), OperationState.Initial, OperationState.Evolve, token);
            if (!operation.Exists)
            {
                throw new ResourceNotFoundException("operation", command.OperationId);
            }

            var account = await store.LoadAsync(StreamIds.Account(command.UserId), AccountState.Initial, AccountState.Evolve, token);
            var roster = StreamIds.Members(command.OperationId);
            var members = await store.LoadAsync(roster, MembershipState.Initial, MembershipState.Evolve, token);
            var membershipContext = new MembershipContext(account.Exists ? account.State : null, operation.State.Teams.Keys.ToHashSet());
            return Decision.For(roster, members.Version, MembershipDecider.Decide(command, members.State, membershipContext, context.Now));
        }, cancellationToken);
    }
}
