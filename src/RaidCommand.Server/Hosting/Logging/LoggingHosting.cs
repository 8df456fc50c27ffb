using Serilog;
using Serilog.Extensions.Logging;

namespace RaidCommand.Server.Hosting.Logging;

public static class LoggingHosting
{
    private const string HumanTemplate =
        "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj} {CorrelationId}{NewLine}{Exception}";

    private static readonly object StartupLoggerFactoryKey = new();

    /// <summary>
    /// Serilog behind Microsoft.Extensions.Logging, levels from the "Serilog" configuration section.
    /// A person at a terminal gets readable lines; redirected output (services, containers, CI) gets compact JSON.
    /// </summary>
    public static WebApplicationBuilder AddRaidCommandLogging(this WebApplicationBuilder builder)
    {
        var configuration = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext();
        configuration = Console.IsOutputRedirected
            ? configuration.WriteTo.Console(new CompactJsonFormatter())
            : configuration.WriteTo.Console(outputTemplate: HumanTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        var logger = configuration.CreateLogger();

        builder.Logging.ClearProviders();
        // Not disposed with the host: the embedded database still logs its shutdown after the host is gone,
        // and the console sink holds no buffers that would need flushing.
        builder.Logging.AddSerilog(logger, dispose: false);
        builder.Host.Properties[StartupLoggerFactoryKey] = new SerilogLoggerFactory(logger);
        return builder;
    }

    /// <summary>Logging for work done before the host is built, such as starting the embedded database.</summary>
    internal static ILoggerFactory StartupLoggerFactory(this WebApplicationBuilder builder) =>
        builder.Host.Properties.TryGetValue(StartupLoggerFactoryKey, out var factory) && factory is ILoggerFactory loggerFactory
            ? loggerFactory
            : Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
}
