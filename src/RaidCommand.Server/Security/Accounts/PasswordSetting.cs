using RaidCommand.Domain.Accounts;
using RaidCommand.Server.Commands;
using RaidCommand.Server.Security.Access;
using RaidCommand.Server.Security.Authentication;

namespace RaidCommand.Server.Security.Accounts;

/// <summary>
/// Sets a password: the event first (so the change is on record), then the hash. A retry with the same command id
/// replays the event's outcome and still stores the hash, so a crash between the two is repaired by retrying.
/// </summary>
public sealed class PasswordSetting(AccountCommandHandler accounts, AccessDirectory directory)
{
    public async Task<CommandOutcome> SetAsync(AccountCommand command, string password, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var hash = Passwords.Hash(password);
        var outcome = await accounts.HandleAsync(command, context, cancellationToken);
        await directory.StorePasswordHashAsync(command.UserId, hash, context.Now, cancellationToken);
        return outcome;
    }

    public Task<CommandOutcome> ChangeAsync(Guid userId, string password, CommandContext context, CancellationToken cancellationToken) =>
        SetAsync(new RecordPasswordChange(userId), password, context, cancellationToken);
}
