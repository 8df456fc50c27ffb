using RaidCommand.Server.Security.Access;

namespace RaidCommand.Server.Security.Authentication;

public static class CallerExtensions
{
    /// <summary>The authenticated caller's account and memberships, resolved when the token was validated.</summary>
    public static CallerAccess? GetCaller(this HttpContext http) => http?.Features.Get<CallerAccess>();

    public static CallerAccess RequireCaller(this HttpContext http) =>
        http.GetCaller() ?? throw new InvalidOperationException("This endpoint requires an authenticated caller; its access rule is missing.");
}
