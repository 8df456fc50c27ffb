using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RaidCommand.EventStore.Feed;
using RaidCommand.EventStore.Integrity;
using RaidCommand.EventStore.Projections;
using RaidCommand.EventStore.Schema;

namespace RaidCommand.EventStore;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds the event store and its background services (feed notifications, projection daemon).
    /// Expects an <see cref="Npgsql.NpgsqlDataSource"/> to be registered by the host.
    /// </summary>
    public static IServiceCollection AddEventStore(this IServiceCollection services, Action<EventStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new EventStoreOptions();
        configure(options);

        services.AddSingleton(options);
        services.AddSingleton<FeedSignal>();
        services.AddSingleton<EventStore>();
        services.AddSingleton<EventFeed>();
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<ProjectionAdmin>();
        services.AddSingleton<ChainVerifier>();
        services.AddSingleton<ProjectionDaemon>();
        services.AddHostedService<FeedNotificationService>();
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<ProjectionDaemon>());
        return services;
    }
}
