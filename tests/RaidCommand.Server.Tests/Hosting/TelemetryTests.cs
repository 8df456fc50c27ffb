using Microsoft.AspNetCore.Hosting;
using RaidCommand.Server.Hosting.Telemetry;
using RaidCommand.Server.Tests.Api;
using RaidCommand.Server.Tests.Infrastructure;

namespace RaidCommand.Server.Tests.Hosting;

/// <summary>With an OTLP endpoint configured, requests and the event store's work reach the collector as spans and metrics.</summary>
public sealed class TelemetryTests(TelemetryTests.ServerWithCollector factory) : IClassFixture<TelemetryTests.ServerWithCollector>
{
    [Fact]
    public async Task A_command_is_exported_as_a_request_span_with_its_append_and_the_append_metrics()
    {
        var api = factory.CreateApiClient();

        await RaidScenario.OpenAsync(api, codeName: "otel-1");

        string[] spans = [TelemetryHosting.ServiceName, "POST /api/operations", "eventstore.append", "raidcommand.correlation_id"];
        string[] metrics = ["eventstore.append.duration", "eventstore.events.appended"];
        await Eventually(() => factory.Collector.Received("traces", spans), () => $"the request and append spans were exported ({factory.Collector.Describe(spans)})");
        await Eventually(() => factory.Collector.Received("metrics", metrics), () => $"the append metrics were exported ({factory.Collector.Describe(metrics)})");
    }

    private static async Task Eventually(Func<bool> condition, Func<string> what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what()}.");
            await Task.Delay(50);
        }
    }

    public sealed class ServerWithCollector : RaidCommandApiFactory
    {
        public FakeOtlpCollector Collector { get; } = new();

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await Collector.StartAsync();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(TelemetryHosting.EndpointKey, Collector.Address);
            builder.UseSetting(TelemetryHosting.ExportIntervalKey, "200");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Collector.DisposeAsync();
        }
    }
}
