using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using RaidCommand.Domain;
using RaidCommand.EventStore;
using RaidCommand.Server.Commands;
using RaidCommand.Server.Hosting;
using RaidCommand.Server.ReadModels;

namespace RaidCommand.Server.EventSourcing;

/// <summary>Wires the event store, the command pipeline and the read-model machinery into the server.</summary>
public static class Configuration
{
    public static IServiceCollection AddEventSourcing(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new ReadModelStore(provider.GetRequiredService<NpgsqlDataSource>(), EventSerializer.DefaultJsonOptions()));
        services.AddSingleton<ReadModelSchema>();
        services.AddSingleton<ReadModelFreshness>();
        services.AddEventStore((provider, options) =>
        {
            // Operators tune the engine here: the "EventStore" section sets any EventStoreOptions property
            // (ProjectionYieldLimit, FeedPollInterval, AggregateCacheSize, ...; see docs/operations.md).
            provider.GetRequiredService<IConfiguration>().GetSection("EventStore").Bind(options);
            foreach (var (type, name) in DomainEventTypes.TypeNames)
            {
                options.Types.Register(type, name);
            }

            foreach (var projection in provider.GetServices<IProjection>())
            {
                options.Projections.Add(projection);
            }

            foreach (var projection in provider.GetServices<IInlineProjection>())
            {
                options.InlineProjections.Add(projection);
            }
        });

        // Order matters: the event store's tables first, then the read models.
        services.AddSingleton<IDatabaseSchema, EventStoreDatabaseSchema>();
        services.AddSingleton<IDatabaseSchema, ReadModelDatabaseSchema>();

        services.AddSingleton<CommandExecutor>();
        services.AddExceptionHandler<CommandExceptionHandler>();
        return services;
    }

    /// <summary>Registers an asynchronous document projection: run by the daemon, its table created at start-up.</summary>
    public static IServiceCollection AddProjection<TProjection>(this IServiceCollection services)
        where TProjection : class, IProjection, IReadModelTable
    {
        services.AddSingleton<TProjection>();
        services.AddSingleton<IProjection>(provider => provider.GetRequiredService<TProjection>());
        services.AddSingleton<IReadModelTable>(provider => provider.GetRequiredService<TProjection>());
        return services;
    }
}
