using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using RaidCommand.EventStore;

namespace RaidCommand.Server.Hosting.ErrorHandling;

/// <summary>
/// The database could not be reached or dropped the connection (a restart, a failover, a network fault): the server is
/// unavailable for the moment, not broken, so the answer is 503 with Retry-After rather than a 500. The request may or
/// may not have taken effect; a command sent again with the same Idempotency-Key is stored at most once, so retrying
/// is always safe. The field app's outbox does exactly that.
/// </summary>
public sealed class DatabaseUnavailableExceptionHandler(
    IProblemDetailsService problemDetails, ILogger<DatabaseUnavailableExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds to wait before retrying: a restart or a switchover is usually over within a few.</summary>
    public const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!DatabaseUnavailable.Is(exception))
        {
            return false;
        }

        logger.LogWarning(exception, "The database is unavailable; the request was answered 503");
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problemDetails.AnswerAsync(httpContext, new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "The database is unavailable",
            Detail = "The server could not reach its database, usually for the few seconds of a restart or a failover. "
                + "The request may or may not have taken effect: send it again, a command with the same Idempotency-Key, "
                + "which stores it at most once.",
            Type = "https://raidcommand.dev/problems/database-unavailable",
            Extensions = { ["code"] = "database.unavailable" },
        }, exception);
    }
}
