using Npgsql;
using RaidCommand.Domain.Accounts;
using RaidCommand.Domain.Common;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Security.Accounts;

/// <summary>Account commands: load the account's stream, decide, append (which updates the access tables inline).</summary>
public sealed class AccountCommandHandler(EventStore.EventStore store, CommandExecutor executor) : ICommandHandler<AccountCommand>
{
    public async Task<CommandOutcome> HandleAsync(AccountCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return await executor.ExecuteAsync(context, async token =>
            {
                var stream = StreamIds.Account(command.UserId);
                var account = await store.LoadAsync(stream, AccountState.Initial, AccountState.Evolve, token);
                if (!account.Exists && command is not RegisterAccount)
                {
                    throw new ResourceNotFoundException("account", command.UserId);
                }

                return Decision.For(stream, account.Version, AccountDecider.Decide(command, account.State, context.Now));
            }, cancellationToken);
        }
        catch (PostgresException taken) when (taken is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "accounts_user_name" })
        {
            throw DomainRuleViolation.Conflict("account.user-name-taken", "Another account has this user name.");
        }
    }
}
