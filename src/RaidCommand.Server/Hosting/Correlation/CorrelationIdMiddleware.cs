namespace RaidCommand.Server.Hosting.Correlation;

/// <summary>
/// Takes the request's X-Correlation-Id (or makes one), echoes it on the response, makes it available to
/// handlers and opens a log scope so every log line of the request carries it.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var supplied = context.Request.Headers[CorrelationIds.HeaderName].ToString();
        var correlationId = CorrelationIds.IsAcceptable(supplied) ? supplied : CorrelationIds.New();

        context.Items[CorrelationHttpContextExtensions.ItemKey] = correlationId;
        context.RequestServices.GetRequiredService<CorrelationContext>().CorrelationId = correlationId;

        // Set when the response starts: the exception handler clears headers set earlier when it rewrites an error.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[CorrelationIds.HeaderName] = correlationId;
            return Task.CompletedTask;
        });

        using (logger.BeginScope(new Dictionary<string, object> { [CorrelationIds.LogPropertyName] = correlationId }))
        {
            await next(context);
        }
    }
}
