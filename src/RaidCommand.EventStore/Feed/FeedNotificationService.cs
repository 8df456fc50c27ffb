using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace RaidCommand.EventStore.Feed;

/// <summary>
/// Carries wake-ups between nodes with LISTEN/NOTIFY, payload-free. NOTIFY is sent after the append commits,
/// not inside it, because a notifying transaction takes a cluster-wide lock at commit and would serialize
/// every append. If a node dies between commit and NOTIFY, other nodes still find the events on their next poll.
/// <para>
/// NOTIFYs go out on one connection of their own, so that the listener can tell this node's own from other nodes' by
/// the sender's backend process id: its own come back about a millisecond after the local wake-up that already went
/// out, in the middle of the push, and would wake every reader for an empty read.
/// </para>
/// </summary>
public sealed class FeedNotificationService(
    NpgsqlDataSource dataSource, EventStoreOptions options, FeedSignal signal, ILogger<FeedNotificationService> logger) : BackgroundService
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LivenessCheck = TimeSpan.FromSeconds(30);

    // The backend process id of the connection this node notifies on; 0 while it has none.
    private int _broadcasterProcessId;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Listen(stoppingToken), Broadcast(stoppingToken));

    private async Task Listen(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, notification) =>
                {
                    if (notification.PID != Volatile.Read(ref _broadcasterProcessId))
                    {
                        signal.Wake();
                    }
                };
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
        var pending = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                Volatile.Write(ref _broadcasterProcessId, connection.ProcessID);
                try
                {
                    await using var command = new NpgsqlCommand("select pg_notify($1, '')", connection);
                    command.Parameters.Add(new NpgsqlParameter { Value = options.NotificationChannel });
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        if (!pending)
                        {
                            await signal.WaitForBroadcastRequest(stoppingToken);
                            pending = true;
                        }

                        await command.ExecuteNonQueryAsync(stoppingToken);
                        pending = false;
                    }
                }
                finally
                {
                    Volatile.Write(ref _broadcasterProcessId, 0);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is NpgsqlException or IOException or TimeoutException)
            {
                // The request stays pending: it goes out on the next connection.
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
