using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RaidCommand.Server.Demo;
using RaidCommand.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RaidCommand.Web.Tests;

/// <summary>The field app on a phone with a flaky network: entries are kept, shown as pending and delivered exactly once.</summary>
public sealed class FieldAppOfflineTests(WebTestFixture fixture) : IClassFixture<WebTestFixture>
{
    private static readonly LocatorAssertionsToHaveCountOptions Patiently = new() { Timeout = 20_000 };

    private static async Task<IPage> OpenFieldAppAsync(IBrowserContext phone, DemoSite site)
    {
        var page = await SignInPage.OpenSignedInAsync(phone, "/field", site.OfficerUserName, DemoRaid.OfficerPassword);
        await Expect(page.GetByTestId($"field-site-{site.SiteId}")).ToBeVisibleAsync();
        return page;
    }

    private static async Task LogArrestAsync(IPage page, DemoSite site, string name)
    {
        var form = page.GetByTestId($"form-arrest-{site.SiteId}");
        await form.GetByTestId("field-name").FillAsync(name);
        await page.GetByTestId($"submit-arrest-{site.SiteId}").ClickAsync();
    }

    private static ILocator Entries(IPage page, string state) => page.Locator($"[data-testid=outbox-entry][data-state={state}]");

    [Fact]
    public async Task Entries_made_offline_are_pending_and_are_delivered_exactly_once_when_back_online()
    {
        var raid = await fixture.LaunchedRaidAsync("offline");
        var site = raid.FirstSite;
        await using var phone = await fixture.NewContextAsync("zh-CN", phone: true);
        var page = await OpenFieldAppAsync(phone, site);
        var arrestsBefore = await EventLog.CountAsync(fixture.Server.Database, "site-arrest-logged");
        var breachesBefore = await EventLog.CountAsync(fixture.Server.Database, "site-breached");

        await phone.SetOfflineAsync(true);
        await Expect(page.GetByTestId("network")).ToHaveClassAsync(new Regex("offline"));
        await page.GetByTestId($"submit-breach-{site.SiteId}").ClickAsync();
        await LogArrestAsync(page, site, "张某甲");
        await LogArrestAsync(page, site, "李某乙");
        await LogArrestAsync(page, site, "王某丙");

        await Expect(Entries(page, "pending")).ToHaveCountAsync(4);
        await page.WaitForTimeoutAsync(2_000); // the sender keeps trying while offline; nothing may get through
        await Expect(Entries(page, "pending")).ToHaveCountAsync(4);
        Assert.Equal(arrestsBefore, await EventLog.CountAsync(fixture.Server.Database, "site-arrest-logged"));
        await Screenshots.SaveAsync(page, "field-offline-pending-zh-CN");

        await phone.SetOfflineAsync(false);

        await Expect(Entries(page, "delivered")).ToHaveCountAsync(4, Patiently);
        Assert.Equal(3, await raid.ArrestsAtAsync(site, 3));
        Assert.Equal(arrestsBefore + 3, await EventLog.CountAsync(fixture.Server.Database, "site-arrest-logged"));
        Assert.Equal(breachesBefore + 1, await EventLog.CountAsync(fixture.Server.Database, "site-breached"));
    }

    [Fact]
    public async Task A_command_whose_answer_was_lost_is_resent_with_the_same_key_and_written_once()
    {
        var raid = await fixture.LaunchedRaidAsync("lost");
        var site = raid.Operation.Sites[1];
        await using var phone = await fixture.NewContextAsync("en-US", phone: true);
        var page = await OpenFieldAppAsync(phone, site);
        var before = await EventLog.CountAsync(fixture.Server.Database, "site-arrest-logged");
        var sent = new List<string>();
        // The first arrest reaches the server and is written, but its answer never reaches the phone.
        await page.RouteAsync("**/sites/*/arrests", async route =>
        {
            sent.Add(await route.Request.HeaderValueAsync("idempotency-key") ?? "");
            if (sent.Count == 1)
            {
                await route.FetchAsync();
                await route.AbortAsync("connectionreset");
                return;
            }

            await route.ContinueAsync();
        });

        await LogArrestAsync(page, site, "Zhou");

        await Expect(Entries(page, "delivered")).ToHaveCountAsync(1, Patiently);
        Assert.True(sent.Count >= 2, "the phone resent after losing the answer");
        Assert.Single(sent.Distinct());
        Assert.Equal(before + 1, await EventLog.CountAsync(fixture.Server.Database, "site-arrest-logged"));
        Assert.Equal(1, await raid.ArrestsAtAsync(site, 1));
    }

    [Fact]
    public async Task Pending_entries_survive_a_reload_and_a_refused_one_shows_the_reason()
    {
        var raid = await fixture.LaunchedRaidAsync("reload");
        var site = raid.Operation.Sites[2];
        await using var phone = await fixture.NewContextAsync("en-US", phone: true);
        var page = await OpenFieldAppAsync(phone, site);
        // The server is unreachable for field commands (the app and its reads still load).
        await phone.RouteAsync("**/sites/*/*", route => route.AbortAsync("internetdisconnected"));

        await LogArrestAsync(page, site, "Sun");
        await page.GetByTestId($"submit-secure-{site.SiteId}").ClickAsync(); // securing before breaching is refused
        await Expect(Entries(page, "pending")).ToHaveCountAsync(2);

        await page.ReloadAsync();
        await Expect(Entries(page, "pending")).ToHaveCountAsync(2);

        await phone.UnrouteAllAsync();
        await page.EvaluateAsync("window.dispatchEvent(new Event('online'))");

        await Expect(Entries(page, "delivered")).ToHaveCountAsync(1, Patiently);
        await Expect(Entries(page, "rejected")).ToHaveCountAsync(1, Patiently);
        await Expect(Entries(page, "rejected").Locator(".error")).Not.ToBeEmptyAsync();
        Assert.Equal(1, await raid.ArrestsAtAsync(site, 1));
    }
}
