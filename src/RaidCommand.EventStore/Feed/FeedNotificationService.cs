using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace RaidCommand.EventStore.Feed;

/// <summary>
/// Carries wake-ups between nodes with LISTEN/NOTIFY, payload-free. NOTIFY is sent after the append commits,
/// not inside it, because a notifying transaction takes a cluster-wide lock at commit and would serialize
/// every append. If a node dies between commit and NOTIFY, other nodes still find the events on their next poll.
/// </summary>
public sealed class FeedNotificationService(
    NpgsqlDataSource dataSource, EventStoreOptions options, FeedSignal signal, ILogger<FeedNotificationService> logger) : BackgroundService
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LivenessCheck = TimeSpan.FromSeconds(30);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Listen(stoppingToken), Broadcast(stoppingToken));

    private async Task Listen(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => signal.Wake();
                await using (var listen = new NpgsqlCommand($"listen {options.NotificationChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Anything committed while we were not listening is found by this extra read.
                signal.Wake();
                try
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        if (!await connection.WaitAsync(LivenessCheck, stoppingToken))
                        {
                            await using var ping = new NpgsqlCommand("select 1", connection);
                            await ping.ExecuteScalarAsync(stoppingToken);
                        }
                    }
                }
                finally
                {
                    await Unlisten(connection);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is NpgsqlException or IOException or TimeoutException)
            {
                logger.LogWarning(error, "Feed listener lost its connection; readers fall back to polling until it returns");
                await Delay(stoppingToken);
            }
        }
    }

    /// <summary>Pooled connections are not reset (see <see cref="EventStoreConnectionSettings"/>), so stop listening before returning it.</summary>
    private static async Task Unlisten(NpgsqlConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            await using var unlisten = new NpgsqlCommand("unlisten *", connection);
            await unlisten.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The connection is going away; its session, and the LISTEN, end with it.
        }
    }

    private async Task Broadcast(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitForBroadcastRequest(stoppingToken);
                await using var command = dataSource.CreateCommand("select pg_notify($1, '')");
                command.Parameters.Add(new NpgsqlParameter { Value = options.NotificationChannel });
                await command.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is NpgsqlException or IOException or TimeoutException)
            {
                logger.LogWarning(error, "Could not notify other nodes of new events; they will find them by polling");
                await Delay(stoppingToken);
            }
        }
    }

    private static async Task Delay(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(ReconnectDelay, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }
}
