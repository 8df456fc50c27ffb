using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace RaidCommand.Server.Security.Hardening;

/// <summary>
/// ASP.NET Core's rate limiter: sign-in attempts per client address (password spraying from one place), and writes
/// per signed-in user (a runaway client or a stolen token cannot flood the log). Refusals are 429 problem details
/// with Retry-After.
/// </summary>
public static class RateLimiting
{
    public const string SignInPolicy = "sign-in";

    public static IServiceCollection AddRaidCommandRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AuthOptions>>((limiter, auth) =>
        {
            var options = auth.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = WriteProblemAsync;
            limiter.AddPolicy(SignInPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInsPerMinutePerClient, Window = TimeSpan.FromMinutes(1) }));
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                HttpMethods.IsPost(http.Request.Method) && http.User.FindFirstValue("sub") is { } user
                    ? RateLimitPartition.GetTokenBucketLimiter(user, _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = options.WritesPerMinutePerUser,
                        TokensPerPeriod = options.WritesPerMinutePerUser,
                        ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    })
                    : RateLimitPartition.GetNoLimiter("unlimited"));
        });
        return services;
    }

    private static async ValueTask WriteProblemAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = "This client or account is sending requests faster than allowed; wait and retry.",
                Type = "https://raidcommand.dev/problems/too-many-requests",
            },
        });
    }
}
