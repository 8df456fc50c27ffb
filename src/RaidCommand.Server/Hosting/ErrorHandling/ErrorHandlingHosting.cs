using RaidCommand.Server.Hosting.Correlation;

namespace RaidCommand.Server.Hosting.ErrorHandling;

public static class ErrorHandlingHosting
{
    /// <summary>RFC 9457 problem details for every error response, each carrying the request's correlation id.</summary>
    public static IServiceCollection AddRaidCommandErrorHandling(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.HttpContext.Items.ContainsKey(CorrelationHttpContextExtensions.ItemKey))
            {
                context.ProblemDetails.Extensions["correlationId"] = context.HttpContext.GetCorrelationId();
            }
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();

        // Minimal APIs otherwise answer unreadable requests with a bare 400 and no detail; throwing routes them
        // through BadRequestExceptionHandler, which says what was wrong.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }
}
