using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RaidCommand.EventStore;
using RaidCommand.EventStore.Feed;
using RaidCommand.EventStore.Projections;
using RaidCommand.Server.Audit.AsOf;
using RaidCommand.Server.Tests.Infrastructure;

namespace RaidCommand.Server.Tests.Audit.Snapshots;

/// <summary>The server with an as-of snapshot every <see cref="Interval"/> events, so a short scenario has many.</summary>
public class SnapshotsFactory : RaidCommandApiFactory
{
    public const int Interval = 3;

    /// <summary>Waits until the snapshot projection has passed every event in the log.</summary>
    public async Task WaitForSnapshotsAsync()
    {
        var last = await LastPositionAsync();
        var admin = Services.GetRequiredService<ProjectionAdmin>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await admin.GetStatusAsync()).SingleOrDefault(p => p.Name == AsOfSnapshotProjection.ProjectionName) is not { } status || status.Checkpoint < last)
        {
            Assert.True(DateTime.UtcNow < deadline, "The as-of snapshot projection did not catch up within 30 s.");
            await Task.Delay(25);
        }
    }

    public async Task<FeedPosition> LastPositionAsync()
    {
        await using var command = Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "select e.transaction_id::text, e.global_position from eventstore.events e order by e.transaction_id desc, e.global_position desc limit 1");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return new FeedPosition(ulong.Parse(reader.GetString(0), System.Globalization.CultureInfo.InvariantCulture), reader.GetInt64(1));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Audit:SnapshotInterval", Interval.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// The same, except that the snapshot projection does not run by itself: <see cref="CatchUpSnapshotsAsync"/> runs it to
/// the end of the log and stops it, so a test can append events the snapshots do not know of yet.
/// </summary>
public sealed class PausedSnapshotsFactory : SnapshotsFactory
{
    public async Task CatchUpSnapshotsAsync()
    {
        var runner = new ProjectionRunner(
            Services.GetRequiredService<AsOfSnapshotProjection>(), Services.GetRequiredService<NpgsqlDataSource>(), Services.GetRequiredService<EventStoreOptions>(),
            Services.GetRequiredService<EventFeed>(), Services.GetRequiredService<FeedSignal>(), NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var running = runner.RunAsync(stop.Token);
        try
        {
            await WaitForSnapshotsAsync();
        }
        finally
        {
            await stop.CancelAsync();
            await running;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            // Everything else as the server wires it; only the daemon's list of projections lacks the snapshot projection.
            var configured = services.Last(d => d.ServiceType == typeof(EventStoreOptions)).ImplementationFactory!;
            services.AddSingleton(provider =>
            {
                var options = (EventStoreOptions)configured(provider);
                options.Projections.Remove(provider.GetRequiredService<AsOfSnapshotProjection>());
                return options;
            });
        });
    }
}
