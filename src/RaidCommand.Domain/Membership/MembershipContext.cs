using RaidCommand.Domain.Accounts;

namespace RaidCommand.Domain.Membership;

/// <summary>
/// What a membership decision needs from outside the roster stream: the account being added (null when no such
/// account exists) and the teams the operation has formed.
/// </summary>
public sealed record MembershipContext(AccountState? Account, IReadOnlySet<Guid> Teams);
