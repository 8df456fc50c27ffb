using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using RaidCommand.Server.Hosting;
using RaidCommand.Server.Tests.Api;
using RaidCommand.Testing;

namespace RaidCommand.Server.Tests.Infrastructure;

/// <summary>
/// The real server in memory, pointed at a fresh database of its own (one per test class via IClassFixture).
/// UseSetting reaches the configuration Program reads before it builds the app, so the embedded cluster never starts.
/// </summary>
public class RaidCommandApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    public virtual Task InitializeAsync() => Database.InitializeAsync();

    /// <summary>A fresh key per factory: tokens of one test class are worthless to another.</summary>
    public virtual string SigningKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>The database this server uses (another node of the same system overrides it with the first node's).</summary>
    public virtual string ConnectionString => Database.ConnectionString;

    /// <summary>An API client signed in as <paramref name="account"/> (default: the commander <see cref="TestAccounts.Commander"/>).</summary>
    public ApiClient CreateApiClient(TestAccount? account = null)
    {
        var handler = new BearerTokenHandler(() => CreateClient(), account ?? TestAccounts.Commander);
        return new ApiClient(CreateDefaultClient(handler), handler);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting(DatabaseHosting.ConnectionStringKey, ConnectionString);
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("Auth:AdministratorPassword", TestAccounts.AdministratorPassword);
        // Generous limits: scenario tests log hundreds of entries a second from one account and one address.
        // The rate-limit tests set their own.
        builder.UseSetting("Auth:SignInsPerMinutePerClient", "100000");
        builder.UseSetting("Auth:WritesPerMinutePerUser", "1000000");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }
}
