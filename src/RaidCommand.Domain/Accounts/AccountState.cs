using System.Collections.Immutable;

namespace RaidCommand.Domain.Accounts;

public sealed record AccountState(bool Exists, string UserName, string DisplayName, ImmutableSortedSet<string> Roles, bool Active)
{
    public static readonly AccountState Initial = new(false, "", "", ImmutableSortedSet.Create<string>(StringComparer.Ordinal), false);

    public bool Holds(string role) => Roles.Contains(role);

    public static AccountState Evolve(AccountState state, object @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        return @event switch
        {
            AccountRegistered e => new AccountState(true, e.UserName, e.DisplayName, ImmutableSortedSet.CreateRange(StringComparer.Ordinal, e.Roles), true),
            RoleGranted e => state with { Roles = state.Roles.Add(e.Role) },
            RoleRevoked e => state with { Roles = state.Roles.Remove(e.Role) },
            AccountDeactivated => state with { Active = false },
            AccountReactivated => state with { Active = true },
            _ => state,
        };
    }
}
