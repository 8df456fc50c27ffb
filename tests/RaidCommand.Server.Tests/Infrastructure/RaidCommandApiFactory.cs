using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using RaidCommand.Server.Hosting;
using RaidCommand.Testing;

namespace RaidCommand.Server.Tests.Infrastructure;

/// <summary>
/// The real server in memory, pointed at a fresh database of its own (one per test class via IClassFixture).
/// UseSetting reaches the configuration Program reads before it builds the app, so the embedded cluster never starts.
/// </summary>
public class RaidCommandApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    public Task InitializeAsync() => Database.InitializeAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting(DatabaseHosting.ConnectionStringKey, Database.ConnectionString);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }
}
