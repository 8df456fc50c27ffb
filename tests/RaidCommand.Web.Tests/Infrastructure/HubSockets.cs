using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RaidCommand.Web.Tests.Infrastructure;

/// <summary>
/// Every hub WebSocket of a browser context, passed through the test, which can cut the open ones, refuse new ones
/// (an outage: the page's reconnect attempts fail) and read what the page asks the hub (the "after" of each Subscribe).
/// </summary>
public sealed partial class HubSockets
{
    // SignalR's JSON protocol ends every message with this character; one WebSocket frame may carry several.
    private const char RecordSeparator = '\u001e';

    private readonly List<IWebSocketRoute> _open = [];
    private readonly List<string?> _subscribedAfter = [];
    private volatile bool _refusing;

    private HubSockets()
    {
    }

    /// <summary>How many sockets reached the server.</summary>
    public int Connected { get; private set; }

    /// <summary>The position each Subscribe call asked to start after (null: from the start), in call order.</summary>
    public IReadOnlyList<string?> SubscribedAfter
    {
        get
        {
            lock (_subscribedAfter)
            {
                return [.. _subscribedAfter];
            }
        }
    }

    public static async Task<HubSockets> RouteAsync(IBrowserContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sockets = new HubSockets();
        await context.RouteWebSocketAsync(HubPath(), sockets.Route);
        return sockets;
    }

    /// <summary>Closes every open hub socket and refuses new ones until <see cref="Restore"/>.</summary>
    public async Task CutAsync()
    {
        _refusing = true;
        IWebSocketRoute[] open;
        lock (_open)
        {
            open = [.. _open];
            _open.Clear();
        }

        foreach (var socket in open)
        {
            await socket.CloseAsync();
        }
    }

    public void Restore() => _refusing = false;

    private void Route(IWebSocketRoute page)
    {
        if (_refusing)
        {
            // Never connected to the server: the page's socket closes before the SignalR handshake, as in an outage.
            _ = page.CloseAsync();
            return;
        }

        var server = page.ConnectToServer();
        lock (_open)
        {
            _open.Add(page);
            Connected++;
        }

        page.OnMessage(frame =>
        {
            if (frame.Text is { } text)
            {
                NoteSubscribes(text);
                server.Send(text);
            }
            else if (frame.Binary is { } bytes)
            {
                server.Send(bytes);
            }
        });
    }

    private void NoteSubscribes(string frame)
    {
        foreach (var message in frame.Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            using var json = JsonDocument.Parse(message);
            if (json.RootElement.TryGetProperty("target", out var target) && target.GetString() == "Subscribe")
            {
                var after = json.RootElement.GetProperty("arguments")[1];
                lock (_subscribedAfter)
                {
                    _subscribedAfter.Add(after.ValueKind == JsonValueKind.Null ? null : after.GetString());
                }
            }
        }
    }

    [GeneratedRegex("/hubs/command")]
    private static partial Regex HubPath();
}
