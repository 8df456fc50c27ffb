using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using RaidCommand.EventStore.Diagnostics;
using RaidCommand.Server.Hosting.Correlation;

namespace RaidCommand.Server.Hosting.Telemetry;

/// <summary>
/// Traces and metrics through OpenTelemetry, sent over OTLP to the collector named by <see cref="EndpointKey"/>; with
/// no endpoint configured nothing is collected at all. Spans cover each HTTP request (tagged with its correlation id,
/// the one stored on the events it wrote), the event store's appends and projection pages, and Npgsql's commands.
/// </summary>
public static class TelemetryHosting
{
    /// <summary>Base address of an OTLP collector, e.g. http://127.0.0.1:4318 (HTTP) or http://127.0.0.1:4317 (gRPC).</summary>
    public const string EndpointKey = "OpenTelemetry:OtlpEndpoint";

    /// <summary>"http/protobuf" (default) or "grpc".</summary>
    public const string ProtocolKey = "OpenTelemetry:Protocol";

    /// <summary>How often spans and metrics are sent, in milliseconds (default 5000).</summary>
    public const string ExportIntervalKey = "OpenTelemetry:ExportIntervalMilliseconds";

    public const string ServiceName = "raidcommand-server";

    /// <summary>Npgsql's own activity source: one span per database command.</summary>
    private const string NpgsqlSource = "Npgsql";

    public static IServiceCollection AddRaidCommandTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var endpoint = configuration[EndpointKey];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return services;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var collector) || collector.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"{EndpointKey} must be an absolute http(s) address, not '{endpoint}'.");
        }

        var protocol = configuration[ProtocolKey] switch
        {
            null or "" or "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            "grpc" => OtlpExportProtocol.Grpc,
            var other => throw new InvalidOperationException($"{ProtocolKey} must be 'http/protobuf' or 'grpc', not '{other}'."),
        };
        var interval = configuration.GetValue(ExportIntervalKey, 5000);

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options =>
                {
                    options.Filter = http => !http.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
                    // At the response, not the request: the span starts before the correlation middleware has chosen the id.
                    options.EnrichWithHttpResponse = (activity, response) =>
                        activity.SetTag("raidcommand.correlation_id", response.HttpContext.GetCorrelationId());
                })
                .AddSource(EventStoreTelemetry.Name, NpgsqlSource)
                .AddOtlpExporter(options =>
                {
                    Configure(options, collector, protocol, "v1/traces");
                    options.BatchExportProcessorOptions.ScheduledDelayMilliseconds = interval;
                }))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(EventStoreTelemetry.Name)
                .AddOtlpExporter((options, reader) =>
                {
                    Configure(options, collector, protocol, "v1/metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = interval;
                }));
        return services;
    }

    /// <summary>Over HTTP each signal has its own path under the collector's address; gRPC takes the address as it is.</summary>
    private static void Configure(OtlpExporterOptions options, Uri collector, OtlpExportProtocol protocol, string signalPath)
    {
        options.Protocol = protocol;
        options.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(collector, signalPath) : collector;
    }
}
