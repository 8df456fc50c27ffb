using RaidCommand.Domain.Accounts;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Security.Accounts;

/// <summary>Role grants and revocations, deactivation and reactivation: administrators' commands on one account.</summary>
public static class AccountChangeEndpoints
{
    public static RouteHandlerBuilder MapGrantRole(this RouteGroupBuilder accounts) =>
        accounts.MapCommand<RoleRequest, AccountCommand>("/{userId:guid}/roles", "userId", (id, r, _) => new GrantRole(id, r.Role))
            .WithName("GrantRole").WithSummary("Grant a role").WithDescription("Granting a role already held changes nothing.");

    public static RouteHandlerBuilder MapRevokeRole(this RouteGroupBuilder accounts) =>
        accounts.MapCommand<RoleRequest, AccountCommand>("/{userId:guid}/role-revocations", "userId", (id, r, context) => new RevokeRole(id, r.Role, context.Actor.UserId))
            .WithName("RevokeRole").WithSummary("Revoke a role")
            .WithDescription("Takes effect on the account's next request. Administrators cannot revoke their own administrator role (409).");

    public static RouteHandlerBuilder MapDeactivateAccount(this RouteGroupBuilder accounts) =>
        accounts.MapCommand<DeactivateAccountRequest, AccountCommand>("/{userId:guid}/deactivation", "userId",
                (id, r, context) => new DeactivateAccount(id, r.Reason, context.Actor.UserId))
            .WithName("DeactivateAccount").WithSummary("Deactivate an account")
            .WithDescription("The account can no longer sign in, and its unexpired tokens stop working at once. Its history stays attributed to it.");

    public static RouteHandlerBuilder MapReactivateAccount(this RouteGroupBuilder accounts) =>
        accounts.MapCommand<EmptyRequest, AccountCommand>("/{userId:guid}/reactivation", "userId", (id, _, _) => new ReactivateAccount(id))
            .WithName("ReactivateAccount").WithSummary("Reactivate an account");
}
