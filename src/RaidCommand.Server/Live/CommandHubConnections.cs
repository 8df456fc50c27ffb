using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace RaidCommand.Server.Live;

/// <summary>
/// The command hub's lifetime manager: SignalR's own, which also keeps each open connection by id, so that the live
/// feed can write one serialized frame to every subscriber of a page (see <see cref="LiveMessages"/>). SignalR's
/// send to a single connection serializes the whole frame for that connection alone; a broadcast serializes it once.
/// </summary>
public sealed class CommandHubConnections(ILogger<DefaultHubLifetimeManager<CommandHub>> logger)
    : DefaultHubLifetimeManager<CommandHub>(logger)
{
    private readonly ConcurrentDictionary<string, HubConnectionContext> _open = new(StringComparer.Ordinal);

    /// <summary>The connection, or null once it has closed.</summary>
    public HubConnectionContext? Find(string connectionId) => _open.GetValueOrDefault(connectionId);

    public override Task OnConnectedAsync(HubConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _open[connection.ConnectionId] = connection;
        return base.OnConnectedAsync(connection);
    }

    public override Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _open.TryRemove(connection.ConnectionId, out _);
        return base.OnDisconnectedAsync(connection);
    }
}
