using Microsoft.Playwright;
using RaidCommand.Server.Demo;
using RaidCommand.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RaidCommand.Web.Tests;

/// <summary>
/// The command board follows the field live, over the hub, without reloading: from a phone on the same node or on
/// another node of the same database; and it misses nothing across a lost socket.
/// </summary>
public sealed class LiveBoardTests(WebTestFixture fixture) : IClassFixture<WebTestFixture>
{
    private const string ArrestItems = ".feed-item.type-site-arrest-logged";

    /// <summary>A bound on the arrests one test logs (each shows as two of the activity feed's 150 lines).</summary>
    private const int MaxArrests = 60;

    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 5_000 };

    private static async Task<IPage> OpenLiveBoardAsync(IBrowserContext context, LaunchedRaid raid)
    {
        var page = await SignInPage.OpenSignedInAsync(context, raid.BoardPath, WebTestFixture.CommanderUserName, WebTestFixture.CommanderPassword);
        await Expect(page.GetByTestId("feed-status")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15_000 });
        // A marker that a reload would wipe: the board must change in place.
        await page.EvaluateAsync("window.__sameDocument = true");
        return page;
    }

    private static async Task LogArrestInFieldAppAsync(IPage field, DemoSite site, string name)
    {
        await field.GetByTestId($"submit-breach-{site.SiteId}").ClickAsync();
        await field.GetByTestId($"form-arrest-{site.SiteId}").GetByTestId("field-name").FillAsync(name);
        await field.GetByTestId($"submit-arrest-{site.SiteId}").ClickAsync();
    }

    [Fact]
    public async Task A_commanders_board_shows_an_arrest_logged_from_a_field_phone_without_reloading()
    {
        var raid = await fixture.LaunchedRaidAsync("live");
        var site = raid.FirstSite;
        await using var commandPost = await fixture.NewContextAsync("zh-CN");
        await using var phone = await fixture.NewContextAsync("en-US", phone: true);
        var board = await OpenLiveBoardAsync(commandPost, raid);
        await Expect(board.GetByTestId($"site-{site.SiteId}-arrests")).ToHaveTextAsync("0");
        var field = await SignInPage.OpenSignedInAsync(phone, "/field", site.OfficerUserName, DemoRaid.OfficerPassword);

        await LogArrestInFieldAppAsync(field, site, "张某");

        await Expect(board.GetByTestId($"site-{site.SiteId}-arrests")).ToHaveTextAsync("1", Soon);
        await Expect(board.GetByTestId($"site-{site.SiteId}-status")).ToHaveTextAsync("已突入", Soon);
        await Expect(board.GetByTestId($"city-{site.CityCode}-arrests")).ToHaveTextAsync("1", Soon);
        await Expect(board.GetByTestId("activity-feed")).ToContainTextAsync("张某");
        Assert.True(await board.EvaluateAsync<bool>("window.__sameDocument === true"));
        await Screenshots.SaveAsync(board, "board-live-zh-CN");
        await Screenshots.SaveAsync(field, "field-after-arrest-en");
    }

    [Fact]
    public async Task A_board_on_a_second_node_shows_live_an_arrest_logged_from_a_field_phone_on_the_first()
    {
        // Node B: another server process on the same database, with the same signing key; the fixture's server is node A.
        await using var nodeB = await ServerProcess.StartAsync(fixture.Server.Settings);
        var raid = await fixture.LaunchedRaidAsync("nodes");
        var site = raid.FirstSite;
        await using var commandPost = await fixture.Browser.NewContextAsync(nodeB.BaseAddress, "en-US");
        await using var phone = await fixture.NewContextAsync("en-US", phone: true);
        var board = await OpenLiveBoardAsync(commandPost, raid);
        await Expect(board.GetByTestId($"site-{site.SiteId}-arrests")).ToHaveTextAsync("0");
        var field = await SignInPage.OpenSignedInAsync(phone, "/field", site.OfficerUserName, DemoRaid.OfficerPassword);

        await LogArrestInFieldAppAsync(field, site, "Wang Lei");

        // The activity feed is filled by the hub alone, and the board stayed live: B pushed what A wrote.
        await Expect(board.GetByTestId("activity-feed")).ToContainTextAsync("Wang Lei", new() { Timeout = 5_000 });
        await Expect(board.GetByTestId($"site-{site.SiteId}-arrests")).ToHaveTextAsync("1", Soon);
        await Expect(board.GetByTestId("feed-status")).ToHaveAttributeAsync("data-state", "live");
        Assert.True(await board.EvaluateAsync<bool>("window.__sameDocument === true"));
        Assert.StartsWith(nodeB.BaseAddress.ToString(), board.Url, StringComparison.Ordinal);
        Assert.StartsWith(fixture.Server.BaseAddress.ToString(), field.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_board_that_loses_its_socket_while_arrests_are_logged_resumes_from_its_last_position_and_misses_none()
    {
        var raid = await fixture.LaunchedRaidAsync("reconnect");
        var site = raid.Operation.Sites[3];
        var officer = await fixture.Server.Anonymous.SignInAsync(site.OfficerUserName, DemoRaid.OfficerPassword, "officer-phone");
        await using var commandPost = await fixture.NewContextAsync("en-US");
        var hub = await HubSockets.RouteAsync(commandPost);
        var board = await OpenLiveBoardAsync(commandPost, raid);
        var tags = new List<string>();
        var lastSeen = await LogArrestAsync(officer, raid, site, tags);
        await Expect(board.Locator(ArrestItems)).ToHaveCountAsync(1, new() { Timeout = 5_000 });

        await hub.CutAsync();
        await Expect(board.GetByTestId("feed-status")).Not.ToHaveAttributeAsync("data-state", "live");
        for (var i = 0; i < 3; i++)
        {
            await LogArrestAsync(officer, raid, site, tags);
        }

        // Arrests keep coming while the board reconnects, replays what it missed and goes live again, so some are
        // committed during that hand-over; three more follow once it is live.
        var live = new TaskCompletionSource();
        var logging = Task.Run(async () =>
        {
            for (var afterLive = 0; afterLive < 3 && tags.Count < MaxArrests;)
            {
                await LogArrestAsync(officer, raid, site, tags);
                afterLive += live.Task.IsCompleted ? 1 : 0;
                // A field team's pace, not a wait: it keeps the board's 150-line activity feed from overflowing.
                await Task.Delay(100);
            }
        });
        hub.Restore();
        try
        {
            await Expect(board.GetByTestId("feed-status")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 20_000 });
        }
        finally
        {
            live.TrySetResult();
            await logging;
        }

        await Expect(board.Locator(ArrestItems)).ToHaveCountAsync(tags.Count, new() { Timeout = 10_000 });
        var shown = await board.Locator(ArrestItems).AllTextContentsAsync();
        Assert.All(tags, tag => Assert.Single(shown, text => text.Contains(tag, StringComparison.Ordinal)));
        await Expect(board.GetByTestId($"site-{site.SiteId}-arrests")).ToHaveTextAsync($"{tags.Count}", Soon);
        // One socket before the cut and one after; the second Subscribe asked only for what came after the last event the board had.
        Assert.Equal(2, hub.Connected);
        Assert.Equal(new string?[] { null, lastSeen }, hub.SubscribedAfter);
        Assert.True(await board.EvaluateAsync<bool>("window.__sameDocument === true"));
    }

    /// <summary>Logs an arrest through the API with the next local tag; answers the feed position of the write's last event.</summary>
    private static async Task<string> LogArrestAsync(RaidApiClient officer, LaunchedRaid raid, DemoSite site, List<string> tags)
    {
        var tag = $"T-{tags.Count + 1:000}";
        var outcome = await officer.CommandAsync(raid.Operation.SitePath(site, "arrests"), new { teamId = site.TeamId, occurredAt = DateTimeOffset.UtcNow, localTag = tag });
        tags.Add(tag);
        return outcome.GetProperty("position").GetString()!;
    }
}
