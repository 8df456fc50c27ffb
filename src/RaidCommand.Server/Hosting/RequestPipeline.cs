using RaidCommand.Server.Hosting.Correlation;
using RaidCommand.Server.Security;
using RaidCommand.Server.Security.Hardening;

namespace RaidCommand.Server.Hosting;

public static class RequestPipeline
{
    /// <summary>
    /// The order matters: the correlation id comes first so every later log line carries it; request logging wraps
    /// the exception handler so it records the final status code the client saw; security comes after the body limit
    /// and before any endpoint, so an endpoint never reads a body its caller may not send. The web UI's static files
    /// need no sign-in, so they are served before security.
    /// </summary>
    public static WebApplication UseRaidCommandRequestPipeline(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseRaidCommandWebUi();
        app.UseSecurity();
        return app;
    }
}
