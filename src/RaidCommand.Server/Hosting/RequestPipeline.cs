using RaidCommand.Server.Hosting.Correlation;

namespace RaidCommand.Server.Hosting;

public static class RequestPipeline
{
    /// <summary>
    /// The order matters: the correlation id comes first so every later log line carries it; request logging wraps
    /// the exception handler so it records the final status code the client saw.
    /// </summary>
    public static WebApplication UseRaidCommandRequestPipeline(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        return app;
    }
}
