using System.Diagnostics;

namespace RaidCommand.Server.Hosting;

/// <summary>One log line per request: method, path, status and elapsed time; Warning for server errors.</summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true; // Only reaches us when the response had already started; the client sees a broken response.
            throw;
        }
        finally
        {
            var statusCode = failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            logger.Log(
                LevelFor(context, statusCode),
                "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {ElapsedMilliseconds:0.0} ms",
                context.Request.Method,
                context.Request.Path.Value,
                statusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private static LogLevel LevelFor(HttpContext context, int statusCode) =>
        statusCode >= StatusCodes.Status500InternalServerError ? LogLevel.Warning
        // Orchestrators probe health every few seconds; at Information those lines would drown the real traffic.
        : context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) ? LogLevel.Debug
        : LogLevel.Information;
}
