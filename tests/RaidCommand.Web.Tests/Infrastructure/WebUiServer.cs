using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RaidCommand.Server.Demo;
using RaidCommand.Server.Hosting;
using RaidCommand.Testing;

namespace RaidCommand.Web.Tests.Infrastructure;

/// <summary>
/// The real server on a real Kestrel port (browsers need a socket), against a fresh PostgreSQL database of its own,
/// serving the built web UI. One per test class; <paramref name="settings"/> are configuration a test class needs.
/// </summary>
public sealed class WebUiServer(IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdministratorPassword = "admin-web-Pa55word!";

    public const string EnvironmentName = "Testing";

    public TestDatabase Database { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    private readonly string _signingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private HttpClient _http = null!;

    /// <summary>
    /// Every setting this node runs with. Another node started with the same (<see cref="ServerProcess"/>) shares its
    /// database and its JWT signing key, so a token signed by one is accepted by the other.
    /// </summary>
    public IReadOnlyDictionary<string, string> Settings
    {
        get
        {
            var all = new Dictionary<string, string>
            {
                [DatabaseHosting.ConnectionStringKey] = Database.ConnectionString,
                ["Auth:SigningKey"] = _signingKey,
                ["Auth:AdministratorPassword"] = AdministratorPassword,
                ["Auth:SignInsPerMinutePerClient"] = "100000",
                ["Auth:WritesPerMinutePerUser"] = "1000000",
                [WebUiHosting.RootKey] = WebUiBuild.DistFolder,
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                all[key] = value;
            }

            return all;
        }
    }

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        _http = new HttpClient { BaseAddress = BaseAddress };
    }

    /// <summary>Not signed in: call <see cref="RaidApiClient.SignInAsync"/> on it.</summary>
    public RaidApiClient Anonymous => new(_http);

    public Task<RaidApiClient> AdministratorAsync() => Anonymous.SignInAsync("admin", AdministratorPassword, "test-admin");

    /// <summary>Registers (as the administrator) and signs in an account of the given role.</summary>
    public async Task<RaidApiClient> AccountAsync(string userName, string password, string role)
    {
        var admin = await AdministratorAsync();
        await admin.EnsureAccountAsync(userName, userName, password, role);
        return await Anonymous.SignInAsync(userName, password, $"{userName}-device");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(EnvironmentName);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        _http?.Dispose();
        await DisposeAsync();
        await Database.DisposeAsync();
    }
}
