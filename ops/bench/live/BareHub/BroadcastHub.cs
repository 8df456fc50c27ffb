using Microsoft.AspNetCore.SignalR;

namespace RaidCommand.Bench.BareHub;

/// <summary>A hub clients only listen to: everything they get comes from <c>Clients.All.SendAsync</c>.</summary>
public sealed class BroadcastHub : Hub
{
    public const string Path = "/hubs/bare";
}
