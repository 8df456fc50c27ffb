using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RaidCommand.Server.Hosting;
using RaidCommand.Server.Hosting.Correlation;
using RaidCommand.Server.Tests.Infrastructure;

namespace RaidCommand.Server.Tests.Hosting;

public sealed class CorrelationIdTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    [Fact]
    public async Task A_supplied_correlation_id_is_echoed_on_the_response()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add(CorrelationIds.HeaderName, "raid-42.alpha");

        using var response = await client.SendAsync(request);

        Assert.Equal("raid-42.alpha", Assert.Single(response.Headers.GetValues(CorrelationIds.HeaderName)));
    }

    [Fact]
    public async Task Without_one_or_with_an_unacceptable_one_a_fresh_id_is_generated()
    {
        using var client = factory.CreateClient();
        using var withoutHeader = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.TryAddWithoutValidation(CorrelationIds.HeaderName, "bad id <script>");
        using var withBadHeader = await client.SendAsync(request);

        var generated = Assert.Single(withoutHeader.Headers.GetValues(CorrelationIds.HeaderName));
        var replaced = Assert.Single(withBadHeader.Headers.GetValues(CorrelationIds.HeaderName));
        Assert.Equal(32, generated.Length);
        Assert.Equal(32, replaced.Length);
        Assert.NotEqual(generated, replaced);
    }

    [Fact]
    public async Task Every_log_line_of_the_request_carries_the_correlation_id()
    {
        var logs = new CapturedLogs();
        await using var capturing = factory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(logs)));
        using var client = capturing.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        request.Headers.Add(CorrelationIds.HeaderName, "trace-me");

        using var response = await client.SendAsync(request);

        var requestLine = Assert.Single(logs.Entries, entry =>
            entry.Category == typeof(RequestLoggingMiddleware).FullName && entry.Message.Contains("/no-such-page", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, requestLine.Level);
        Assert.Contains("404", requestLine.Message, StringComparison.Ordinal);
        Assert.Equal("trace-me", requestLine.ScopeProperties[CorrelationIds.LogPropertyName]);
    }

    [Fact]
    public async Task Handlers_read_the_same_id_from_the_http_context_and_the_scoped_accessor()
    {
        await using var probing = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new CorrelationProbe())));
        using var client = probing.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, CorrelationProbe.Path);
        request.Headers.Add(CorrelationIds.HeaderName, "same-everywhere");

        using var response = await client.SendAsync(request);

        Assert.Equal("same-everywhere|same-everywhere", await response.Content.ReadAsStringAsync());
    }
}
