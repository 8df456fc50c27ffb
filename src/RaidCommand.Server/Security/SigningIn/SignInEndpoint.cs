using System.Globalization;
using RaidCommand.Server.Security.Access;
using RaidCommand.Server.Security.Authentication;
using RaidCommand.Server.Security.Authorization;
using RaidCommand.Server.Security.Hardening;

namespace RaidCommand.Server.Security.SigningIn;

public static class SignInEndpoint
{
    private const string Failed = "The user name or password is not correct, or the account may not sign in.";

    public static RouteHandlerBuilder MapSignIn(this RouteGroupBuilder auth) =>
        auth.MapPost("/sign-in", async (
                SignInRequest request, AccessDirectory directory, TokenIssuer issuer, SignInThrottle throttle, HttpContext http, CancellationToken cancellationToken) =>
            {
                if (string.IsNullOrWhiteSpace(request.UserName) || request.Password is null || string.IsNullOrWhiteSpace(request.DeviceId) || request.DeviceId.Length > 128)
                {
                    throw new BadHttpRequestException("userName, password and deviceId (at most 128 characters) are required.");
                }

                if (throttle.RetryAfter(request.UserName) is { } wait)
                {
                    http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                    return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many attempts",
                        detail: "Too many failed sign-ins for this user name; try again later.", type: "https://raidcommand.dev/problems/too-many-requests");
                }

                var account = await directory.FindAccountByUserNameAsync(request.UserName.Trim(), cancellationToken);
                var hash = account is null ? null : await directory.FindPasswordHashAsync(account.UserId, cancellationToken);
                if (!Passwords.Verify(hash, request.Password) || account is not { Active: true })
                {
                    throttle.RecordFailure(request.UserName);
                    return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: Failed,
                        type: "https://raidcommand.dev/problems/sign-in-failed");
                }

                throttle.RecordSuccess(request.UserName);
                var token = issuer.Issue(account, request.DeviceId.Trim());
                return Results.Ok(new SignInResponse(token.AccessToken, token.ExpiresAt,
                    new SignedInUser(account.UserId, account.UserName, account.DisplayName, account.Roles)));
            })
            .ForAnyone()
            .RequireRateLimiting(RateLimiting.SignInPolicy)
            .Produces<SignInResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("SignIn")
            .WithSummary("Sign in")
            .WithDescription("Exchanges a user name and password for a bearer token naming the account and the device. "
                + "A failure never says whether the account exists. Repeated failures for one name, or many attempts from one client, answer 429.");
}
