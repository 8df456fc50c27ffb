using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using RaidCommand.Server.Security.Access;

namespace RaidCommand.Server.Security.Authentication;

/// <summary>
/// Runs once a token's signature, lifetime, issuer and audience are valid: finds the RaidCommand account it names
/// (by id for our own tokens, by user name for an external authority's), refuses deactivated or unknown accounts,
/// and replaces the principal with one carrying the account's current roles.
/// </summary>
public static class CallerResolution
{
    public static async Task OnTokenValidated(TokenValidatedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var directory = services.GetRequiredService<AccessDirectory>();
        var token = context.Principal!;
        var cancellationToken = context.HttpContext.RequestAborted;

        var userId = options.Authority is null
            ? Guid.TryParse(token.FindFirstValue(ClaimNames.Subject), out var id) ? id : (Guid?)null
            : (await directory.FindAccountByUserNameAsync(token.FindFirstValue(options.UserNameClaim) ?? "", cancellationToken))?.UserId;
        var caller = userId is { } known ? await directory.FindActiveCallerAsync(known, cancellationToken) : null;
        if (caller is null)
        {
            context.Fail("The token names no active account.");
            return;
        }

        context.HttpContext.Features.Set(caller);
        context.Principal = Principal(caller, DeviceOf(token, context.HttpContext), context.Scheme.Name);
    }

    /// <summary>Our tokens carry the device named at sign-in; an external authority's do not, so the client names it in a header.</summary>
    private static string DeviceOf(ClaimsPrincipal token, HttpContext http) =>
        token.FindFirstValue(ClaimNames.Device)
        ?? (http.Request.Headers["X-Device-Id"].ToString() is { Length: > 0 and <= 128 } header ? header : "unknown");

    private static ClaimsPrincipal Principal(CallerAccess caller, string device, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimNames.Subject, caller.UserId.ToString()),
            new(ClaimNames.UserName, caller.UserName),
            new(ClaimNames.Device, device),
        };
        claims.AddRange(caller.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimNames.UserName, ClaimTypes.Role));
    }
}
