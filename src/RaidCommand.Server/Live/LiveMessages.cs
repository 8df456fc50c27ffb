using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace RaidCommand.Server.Live;

/// <summary>
/// The hub's messages to live clients, as frames that SignalR serializes once per protocol however many connections
/// they are written to (the server enables only the JSON protocol, so once).
/// </summary>
internal static class LiveMessages
{
    public static SerializedHubMessage Events(IReadOnlyList<LiveEvent> events) => Of("events", events);

    public static SerializedHubMessage CaughtUp(CaughtUp caughtUp) => Of("caughtUp", caughtUp);

    private static SerializedHubMessage Of(string method, object argument) => new(new InvocationMessage(method, [argument]));
}
