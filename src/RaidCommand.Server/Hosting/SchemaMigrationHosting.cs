namespace RaidCommand.Server.Hosting;

public static class SchemaMigrationHosting
{
    /// <summary>Migrates the <see cref="IDatabaseSchema"/> registrations at startup; modules add those registrations.</summary>
    public static IServiceCollection AddDatabaseSchemaMigration(this IServiceCollection services)
    {
        services.AddHostedService<SchemaMigrationService>();
        return services;
    }
}
