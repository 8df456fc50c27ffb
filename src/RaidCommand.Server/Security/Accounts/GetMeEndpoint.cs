using RaidCommand.Server.Security.Access;
using RaidCommand.Server.Security.Authentication;

namespace RaidCommand.Server.Security.Accounts;

public sealed record MeView(Guid Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<OperationMembership> Memberships);

public static class GetMeEndpoint
{
    public static RouteHandlerBuilder MapGetMe(this RouteGroupBuilder me) =>
        me.MapGet("/", (HttpContext http) =>
            {
                var caller = http.RequireCaller();
                return new MeView(caller.UserId, caller.UserName, caller.DisplayName, caller.Roles, caller.Memberships);
            })
            .WithName("GetMe").WithSummary("Who am I")
            .WithDescription("The signed-in account, its roles, and the operations it is a member of (capacity and, for field officers, team).");
}
