using Microsoft.Playwright;
using RaidCommand.Server.Demo;

namespace RaidCommand.Web.Tests.Infrastructure;

/// <summary>Per test class: the server on Kestrel with its own database, and a headless chromium.</summary>
public class WebTestFixture : IAsyncLifetime
{
    public const string CommanderUserName = "web.commander";
    public const string CommanderPassword = "commander-Pa55word-web";

    public WebTestFixture()
        : this(new Dictionary<string, string>())
    {
    }

    /// <param name="settings">Server configuration the test class needs.</param>
    protected WebTestFixture(IReadOnlyDictionary<string, string> settings) => Server = new WebUiServer(settings);

    public WebUiServer Server { get; }

    public HeadlessChromium Browser { get; } = new();

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        await Browser.InitializeAsync();
    }

    /// <summary>A launched two-city raid (the demo's plan), H-hour ten minutes ahead, every den staffed with an officer.</summary>
    public async Task<LaunchedRaid> LaunchedRaidAsync(string officerPrefix)
    {
        var admin = await Server.AdministratorAsync();
        var commander = await Server.AccountAsync(CommanderUserName, CommanderPassword, "commander");
        var operation = await DemoRaid.PlanAsync(admin, commander, DateTimeOffset.UtcNow.AddMinutes(10), $"5·26-{officerPrefix}", officerPrefix);
        await DemoRaid.ApproveAndLaunchAsync(commander, operation);
        return new LaunchedRaid(operation, commander);
    }

    public Task<IBrowserContext> NewContextAsync(string locale, bool phone = false) => Browser.NewContextAsync(Server.BaseAddress, locale, phone);

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await ((IAsyncLifetime)Server).DisposeAsync();
    }
}

public sealed record LaunchedRaid(DemoOperation Operation, RaidApiClient Commander)
{
    public DemoSite FirstSite => Operation.Sites[0];

    public string BoardPath => $"/?operation={Operation.OperationId}";

    /// <summary>
    /// The site's arrest count on the board once it shows <paramref name="expected"/>, or whatever it shows after five
    /// seconds: the board is a read model, updated just after the write.
    /// </summary>
    public async Task<int> ArrestsAtAsync(DemoSite site, int expected)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(5);
        while (true)
        {
            var board = await Commander.GetAsync($"{Operation.Path}/board");
            var arrests = board.GetProperty("sites").EnumerateArray().First(candidate => candidate.GetProperty("siteId").GetGuid() == site.SiteId)
                .GetProperty("totals").GetProperty("arrests").GetInt32();
            if (arrests == expected || DateTimeOffset.UtcNow > deadline)
            {
                return arrests;
            }

            await Task.Delay(100);
        }
    }
}
