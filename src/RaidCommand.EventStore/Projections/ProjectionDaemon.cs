using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using RaidCommand.EventStore.Feed;

namespace RaidCommand.EventStore.Projections;

/// <summary>Runs a <see cref="ProjectionRunner"/> for every registered projection, for the life of the host.</summary>
public sealed class ProjectionDaemon(
    NpgsqlDataSource dataSource, EventStoreOptions options, EventFeed feed, FeedSignal signal, ILoggerFactory loggers) : BackgroundService
{
    private readonly List<ProjectionRunner> _runners = options.Projections
        .Select(p => new ProjectionRunner(p, dataSource, options, feed, signal, loggers.CreateLogger($"{typeof(ProjectionRunner).FullName}.{p.Name}")))
        .ToList();

    public IReadOnlyList<ProjectionRunner> Runners => _runners;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_runners.Select(r => r.RunAsync(stoppingToken)));
}
