namespace RaidCommand.Server.Hosting;

/// <summary>
/// Migrates every registered <see cref="IDatabaseSchema"/> while the host is starting, before any hosted service
/// (including the web server) starts, so no request ever meets an old schema. A failure stops the startup.
/// </summary>
public sealed class SchemaMigrationService(IEnumerable<IDatabaseSchema> schemas, ILogger<SchemaMigrationService> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        foreach (var schema in schemas)
        {
            logger.LogInformation("Migrating database schema {Schema}", schema.GetType().Name);
            await schema.MigrateAsync(cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
