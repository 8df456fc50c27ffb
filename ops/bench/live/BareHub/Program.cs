using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using RaidCommand.Bench.BareHub;

// The baseline of the live push benchmark (ops/bench/live): a SignalR hub with no event store, no feed, no
// authentication and no per-client state. POST /broadcast answers 202 and only then sends its JSON body to every
// connected client as one "events" message, so that, as with a real write, the HTTP answer comes before the push.
// Usage: dotnet RaidCommand.Bench.BareHub.dll --urls http://127.0.0.1:PORT
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSignalR();

var app = builder.Build();
app.MapHub<BroadcastHub>(BroadcastHub.Path);
app.MapGet("/ready", () => Results.Ok());
app.MapPost("/broadcast", (JsonElement payload, HttpContext http, IHubContext<BroadcastHub> hub) =>
{
    http.Response.OnCompleted(() => hub.Clients.All.SendAsync("events", payload));
    return Results.Accepted();
});

await app.RunAsync();
