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
        return services.AddEventStore((_, options) => configure(options));
    }

    /// <summary>
    /// Adds the event store, configured when first resolved, so projections that need services
    /// (a data source, serializer options) can be taken from <see cref="IServiceProvider"/>.
    /// </summary>
    public static IServiceCollection AddEventStore(this IServiceCollection services, Action<IServiceProvider, EventStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddSingleton(provider =>
        {
            var options = new EventStoreOptions();
            configure(provider, options);
            return options;
        });
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
