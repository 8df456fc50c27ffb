using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace RaidCommand.Server.Tests.Infrastructure;

/// <summary>
/// An OpenTelemetry collector on a loopback port, as far as an exporter needs one: it accepts OTLP/HTTP protobuf
/// posts on /v1/traces and /v1/metrics and keeps their bodies. Protobuf carries names as plain UTF-8, so a test can
/// look for a span or instrument name in what arrived without decoding the messages.
/// </summary>
public sealed class FakeOtlpCollector : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Signal, byte[] Body)> _received = new();
    private WebApplication? _app;

    public string Address { get; private set; } = "";

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            _received.Enqueue((signal, body.ToArray()));
            return Results.Ok();
        });
        await _app.StartAsync();
        Address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    /// <summary>True once a post for <paramref name="signal"/> ("traces", "metrics") contained every one of <paramref name="texts"/>.</summary>
    public bool Received(string signal, params string[] texts) =>
        _received.Any(post => post.Signal == signal && texts.All(text => Contains(post.Body, text)));

    /// <summary>For a failure message: what arrived, and which of <paramref name="texts"/> any post of each signal held.</summary>
    public string Describe(params string[] texts) => string.Join("; ", _received.GroupBy(post => post.Signal).Select(group =>
        $"{group.Key}: {group.Count()} posts, found [{string.Join(", ", texts.Where(text => group.Any(post => Contains(post.Body, text))))}]"));

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
