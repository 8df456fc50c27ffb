using Npgsql;
using RaidCommand.EmbeddedPostgres;
using RaidCommand.EventStore;
using RaidCommand.Server.Hosting.Logging;

namespace RaidCommand.Server.Hosting;

public static class DatabaseHosting
{
    /// <summary>Configuration key of an external server (env ConnectionStrings__RaidCommand).</summary>
    public const string ConnectionStringKey = "ConnectionStrings:RaidCommand";

    /// <summary>Configuration key of the embedded cluster's data folder, used when no connection string is configured.</summary>
    public const string DataDirectoryKey = "Database:DataDirectory";

    /// <summary>Configuration key of a fixed port for the embedded cluster; a free port is taken when unset.</summary>
    public const string EmbeddedPortKey = "Database:Port";

    public const string EmbeddedDatabaseName = "raidcommand";

    private static readonly string DefaultDataDirectory = Path.Combine(".data", "pg");

    /// <summary>
    /// Registers the one <see cref="NpgsqlDataSource"/> of the server. Without a configured connection string it
    /// first starts the embedded cluster and creates the <c>raidcommand</c> database; the caller owns the returned
    /// cluster and disposes it after the host has stopped. Returns null when an external server is configured.
    /// </summary>
    public static async Task<EmbeddedPostgresCluster?> AddRaidCommandDatabaseAsync(this WebApplicationBuilder builder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = builder.Configuration[ConnectionStringKey];
        EmbeddedPostgresCluster? cluster = null;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            (cluster, connectionString) = await StartEmbeddedAsync(builder, cancellationToken);
        }

        builder.Services.AddSingleton(provider => new NpgsqlDataSourceBuilder(EventStoreConnectionSettings.Apply(connectionString))
            .UseLoggerFactory(provider.GetRequiredService<ILoggerFactory>())
            .Build());
        return cluster;
    }

    private static async Task<(EmbeddedPostgresCluster Cluster, string ConnectionString)> StartEmbeddedAsync(
        WebApplicationBuilder builder, CancellationToken cancellationToken)
    {
        var options = new EmbeddedPostgresOptions
        {
            // Relative paths are taken from the working directory, so `ops/run` keeps its data in the repo's .data/.
            DataDirectory = Path.GetFullPath(builder.Configuration[DataDirectoryKey] ?? DefaultDataDirectory),
            Port = builder.Configuration.GetValue<int?>(EmbeddedPortKey),
            DataDirectorySettingName = DataDirectoryKey,
        };
        var logger = builder.StartupLoggerFactory().CreateLogger(typeof(EmbeddedPostgresCluster).FullName!);
        var cluster = await EmbeddedPostgresCluster.StartAsync(options, logger, cancellationToken);
        try
        {
            return (cluster, await cluster.CreateDatabaseAsync(EmbeddedDatabaseName, cancellationToken));
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }
}
