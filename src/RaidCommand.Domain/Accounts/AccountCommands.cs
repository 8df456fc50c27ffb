namespace RaidCommand.Domain.Accounts;

public abstract record AccountCommand(Guid UserId);

public sealed record RegisterAccount(Guid UserId, string UserName, string DisplayName, IReadOnlyList<string> Roles) : AccountCommand(UserId);

public sealed record GrantRole(Guid UserId, string Role) : AccountCommand(UserId);

/// <param name="RevokedBy">The administrator acting; nobody revokes their own administrator role (that could lock everyone out).</param>
public sealed record RevokeRole(Guid UserId, string Role, Guid RevokedBy) : AccountCommand(UserId);

public sealed record RecordPasswordChange(Guid UserId) : AccountCommand(UserId);

/// <param name="DeactivatedBy">The administrator acting; nobody deactivates their own account.</param>
public sealed record DeactivateAccount(Guid UserId, string Reason, Guid DeactivatedBy) : AccountCommand(UserId);

public sealed record ReactivateAccount(Guid UserId) : AccountCommand(UserId);
