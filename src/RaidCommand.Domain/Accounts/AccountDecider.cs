using System.Text.RegularExpressions;
using RaidCommand.Domain.Common;

namespace RaidCommand.Domain.Accounts;

/// <summary>
/// Decides account changes. Granting a role already held, or revoking one not held, changes nothing and is not
/// an error, so an administrator's retry or a double click is harmless.
/// </summary>
public static partial class AccountDecider
{
    public static IReadOnlyList<object> Decide(AccountCommand command, AccountState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        Guard.Id(command.UserId, "account.user-id-required", "The account's user id");

        if (command is RegisterAccount register)
        {
            return Register(register, state, now);
        }

        if (!state.Exists)
        {
            throw DomainRuleViolation.Conflict("account.not-registered", $"Account {command.UserId} does not exist.");
        }

        return command switch
        {
            GrantRole c => state.Holds(KnownRole(c.Role)) ? [] : [new RoleGranted(c.UserId, c.Role, now)],
            RevokeRole c => Revoke(c, state, now),
            RecordPasswordChange c => [new PasswordChanged(c.UserId, now)],
            DeactivateAccount c => Deactivate(c, state, now),
            ReactivateAccount c => state.Active ? [] : [new AccountReactivated(c.UserId, now)],
            _ => throw DomainRuleViolation.Invalid("account.unknown-command", $"Unknown command {command.GetType().Name}."),
        };
    }

    private static IReadOnlyList<object> Register(RegisterAccount command, AccountState state, DateTimeOffset now)
    {
        if (state.Exists)
        {
            throw DomainRuleViolation.Conflict("account.already-registered", $"Account {command.UserId} exists already.");
        }

        if (command.UserName is null || !UserNamePattern().IsMatch(command.UserName))
        {
            throw DomainRuleViolation.Invalid(
                "account.invalid-user-name", "A user name is 3 to 64 characters: lower-case letters, digits, '.', '_' or '-'.");
        }

        Guard.Text(command.DisplayName, "account.display-name-required", "A display name");
        var roles = (command.Roles ?? []).Select(KnownRole).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (roles.Count == 0)
        {
            throw DomainRuleViolation.Invalid("account.role-required", "An account needs at least one role.");
        }

        return [new AccountRegistered(command.UserId, command.UserName, command.DisplayName.Trim(), roles, now)];
    }

    private static IReadOnlyList<object> Revoke(RevokeRole command, AccountState state, DateTimeOffset now)
    {
        if (command.Role == Roles.Administrator && command.RevokedBy == command.UserId)
        {
            throw DomainRuleViolation.Conflict("account.self-lockout", "Administrators cannot revoke their own administrator role.");
        }

        return state.Holds(KnownRole(command.Role)) ? [new RoleRevoked(command.UserId, command.Role, now)] : [];
    }

    private static IReadOnlyList<object> Deactivate(DeactivateAccount command, AccountState state, DateTimeOffset now)
    {
        if (command.DeactivatedBy == command.UserId)
        {
            throw DomainRuleViolation.Conflict("account.self-lockout", "Nobody can deactivate their own account.");
        }

        Guard.Text(command.Reason, "account.reason-required", "A reason for the deactivation");
        return state.Active ? [new AccountDeactivated(command.UserId, command.Reason.Trim(), now)] : [];
    }

    private static string KnownRole(string role) =>
        role is not null && Roles.All.Contains(role)
            ? role
            : throw DomainRuleViolation.Invalid("account.unknown-role", $"Unknown role '{role}'; roles are {string.Join(", ", Roles.All.Order(StringComparer.Ordinal))}.");

    [GeneratedRegex("^[a-z0-9._-]{3,64}$")]
    private static partial Regex UserNamePattern();
}
