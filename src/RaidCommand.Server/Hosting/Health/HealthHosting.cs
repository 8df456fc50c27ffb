using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using RaidCommand.Server.Security.Authorization;

namespace RaidCommand.Server.Hosting.Health;

public static class HealthHosting
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    private const string ReadinessTag = "ready";
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddRaidCommandHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadinessTag], timeout: CheckTimeout)
            .AddCheck<DatabaseSchemaHealthCheck>("schema", tags: [ReadinessTag], timeout: CheckTimeout);
        return services;
    }

    /// <summary>
    /// Liveness runs no checks: a process that answers HTTP is alive, and restarting it would not fix the database.
    /// Readiness requires the database to answer and its schema to be up to date.
    /// </summary>
    public static IEndpointRouteBuilder MapRaidCommandHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportWriter.WriteAsync }).ForAnyone();
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(ReadinessTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).ForAnyone();
        return endpoints;
    }
}
