namespace RaidCommand.Server.Security.Accounts;

/// <param name="UserId">Optional client-chosen id; when absent it is derived from the command id, so a retry registers the same account.</param>
public sealed record RegisterAccountRequest(Guid? UserId, string UserName, string DisplayName, string Password, IReadOnlyList<string> Roles);

public sealed record RoleRequest(string Role);

public sealed record SetPasswordRequest(string Password);

public sealed record ChangeOwnPasswordRequest(string CurrentPassword, string NewPassword);

public sealed record DeactivateAccountRequest(string Reason);

public sealed record AccountView(Guid Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, bool Active);
