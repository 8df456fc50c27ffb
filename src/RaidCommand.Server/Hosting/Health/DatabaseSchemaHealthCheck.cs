using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace RaidCommand.Server.Hosting.Health;

/// <summary>Healthy when every registered <see cref="IDatabaseSchema"/> is up to date.</summary>
public sealed class DatabaseSchemaHealthCheck(IEnumerable<IDatabaseSchema> schemas) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var outdated = new List<string>();
        try
        {
            foreach (var schema in schemas)
            {
                if (!await schema.IsUpToDateAsync(cancellationToken))
                {
                    outdated.Add(schema.GetType().Name);
                }
            }
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The database schema could not be checked.", exception);
        }

        return outdated.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Database schema not up to date: {string.Join(", ", outdated)}.");
    }
}
