using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using RaidCommand.Server.Security;

namespace RaidCommand.Server.Demo;

/// <summary>
/// Once the server listens, plays a two-city raid through its own public HTTP API: registers demo accounts as the
/// administrator, plans and launches the raid as the demo commander, then lets the simulated field teams log.
/// </summary>
public sealed class DemoService(
    IHostApplicationLifetime lifetime, IServer server, IOptions<DemoOptions> options, IOptions<AuthOptions> auth, ILogger<DemoService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        try
        {
            await PlayAsync(options.Value, stoppingToken);
        }
        catch (Exception failure) when (failure is HttpRequestException or InvalidOperationException)
        {
            logger.LogError(failure, "The demo stopped");
        }
    }

    private async Task PlayAsync(DemoOptions demo, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = OwnAddress() };
        var anonymous = new RaidApiClient(http);
        var adminPassword = auth.Value.AdministratorPassword
            ?? throw new InvalidOperationException("The demo signs in as the administrator: set Auth:AdministratorPassword (ops/run --demo does).");
        var admin = await anonymous.SignInAsync("admin", adminPassword, "demo-console", cancellationToken);
        await admin.EnsureAccountAsync(demo.CommanderUserName, "演示指挥长 Demo Commander", demo.CommanderPassword, "commander", cancellationToken);
        var commander = await anonymous.SignInAsync(demo.CommanderUserName, demo.CommanderPassword, "demo-command-post", cancellationToken);

        var hHour = DateTimeOffset.UtcNow.AddSeconds(demo.LeadSeconds);
        var operation = await DemoRaid.PlanAsync(admin, commander, hHour, $"5·26-{DateTime.UtcNow:HHmm}", "demo.officer", cancellationToken);
        logger.LogInformation(
            "Demo raid planned: board {Address} (sign in as {Commander} / {Password}); field app {Address}field (demo.officer-1 … -{Count} / {OfficerPassword}); H-hour {HHour:u}",
            http.BaseAddress, demo.CommanderUserName, demo.CommanderPassword, http.BaseAddress, operation.Sites.Count, DemoRaid.OfficerPassword, hHour);

        var officers = new Dictionary<string, RaidApiClient>();
        foreach (var site in operation.Sites)
        {
            officers[site.OfficerUserName] = await anonymous.SignInAsync(site.OfficerUserName, DemoRaid.OfficerPassword, $"{site.OfficerUserName}-phone", cancellationToken);
        }

        await DemoRaid.ApproveAndLaunchAsync(commander, operation, cancellationToken);
        var untilHHour = hHour - DateTimeOffset.UtcNow;
        if (untilHHour > TimeSpan.Zero)
        {
            await Task.Delay(untilHHour, cancellationToken);
        }

        logger.LogInformation("Demo: H-hour, field teams go in");
        await new DemoFieldActivity(commander, officers, operation, logger).RunAsync(TimeSpan.FromSeconds(demo.DurationSeconds), cancellationToken);
        logger.LogInformation("Demo: every den dismantled; the server keeps running");
    }

    /// <summary>The server's own loopback address (a wildcard binding is reached through 127.0.0.1).</summary>
    private Uri OwnAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server has no address to call.");
        var uri = new UriBuilder(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal));
        return uri.Uri;
    }
}
