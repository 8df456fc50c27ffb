using System.Collections.Frozen;

namespace RaidCommand.Domain.Accounts;

/// <summary>A person got an account. The password is set with it, but never travels in an event (see <see cref="PasswordChanged"/>).</summary>
public sealed record AccountRegistered(Guid UserId, string UserName, string DisplayName, IReadOnlyList<string> Roles, DateTimeOffset RegisteredAt);

public sealed record RoleGranted(Guid UserId, string Role, DateTimeOffset GrantedAt);

public sealed record RoleRevoked(Guid UserId, string Role, DateTimeOffset RevokedAt);

/// <summary>
/// The account's password was changed. The hash itself lives in the credentials table, not here: events are
/// kept forever and handed to auditors, and a superseded hash is still an offline guessing target.
/// </summary>
public sealed record PasswordChanged(Guid UserId, DateTimeOffset ChangedAt);

/// <summary>The account may no longer sign in or act; its history stays attributed to it.</summary>
public sealed record AccountDeactivated(Guid UserId, string Reason, DateTimeOffset DeactivatedAt);

public sealed record AccountReactivated(Guid UserId, DateTimeOffset ReactivatedAt);

public static class AccountEvents
{
    public static readonly IReadOnlyDictionary<Type, string> TypeNames = new Dictionary<Type, string>
    {
        [typeof(AccountRegistered)] = "account-registered",
        [typeof(RoleGranted)] = "account-role-granted",
        [typeof(RoleRevoked)] = "account-role-revoked",
        [typeof(PasswordChanged)] = "account-password-changed",
        [typeof(AccountDeactivated)] = "account-deactivated",
        [typeof(AccountReactivated)] = "account-reactivated",
    }.ToFrozenDictionary();
}
