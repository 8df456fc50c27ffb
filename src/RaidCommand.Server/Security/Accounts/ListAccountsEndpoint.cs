using RaidCommand.Server.Security.Access;

namespace RaidCommand.Server.Security.Accounts;

public static class ListAccountsEndpoint
{
    public static RouteHandlerBuilder MapListAccounts(this RouteGroupBuilder accounts) =>
        accounts.MapGet("/", async (AccessDirectory directory, CancellationToken cancellationToken) =>
                (await directory.ListAccountsAsync(cancellationToken)).Select(a => new AccountView(a.UserId, a.UserName, a.DisplayName, a.Roles, a.Active)).ToList())
            .WithName("ListAccounts").WithSummary("Every account").WithDescription("Administrators only.");
}
