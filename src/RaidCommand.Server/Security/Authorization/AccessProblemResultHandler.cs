using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace RaidCommand.Server.Security.Authorization;

/// <summary>
/// Answers refused requests with problem details a client can act on: 401 "sign in" or 403 "not permitted". The 403
/// deliberately reads the same whether the operation, person or transfer exists or not, so that nobody can probe
/// for operations they are not on.
/// </summary>
public sealed class AccessProblemResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var signedIn = !authorizeResult.Challenged;
        context.Response.StatusCode = signedIn ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
        if (!signedIn)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        var problem = signedIn
            ? new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden, Title = "Not permitted", Type = "https://raidcommand.dev/problems/access.denied",
                Detail = "Your account may not do this here: it needs another role, or membership of this operation in another capacity "
                    + "(or the operation, person or transfer does not exist).",
            }
            : new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized, Title = "Sign-in required", Type = "https://raidcommand.dev/problems/auth.sign-in-required",
                Detail = "Send a valid, unexpired bearer token from POST /api/auth/sign-in.",
            };
        problem.Extensions["code"] = signedIn ? "access.denied" : "auth.sign-in-required";
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
