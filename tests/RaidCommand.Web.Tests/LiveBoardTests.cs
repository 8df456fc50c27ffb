using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RaidCommand.Server.Demo;
using RaidCommand.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RaidCommand.Web.Tests;

/// <summary>The command board follows the field live, over the hub, without reloading; and misses nothing across a lost socket.</summary>
public sealed class LiveBoardTests(WebTestFixture fixture) : IClassFixture<WebTestFixture>
{
    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 5_000 };

    private static async Task<IPage> OpenLiveBoardAsync(IBrowserContext context, LaunchedRaid raid)
    {
        var page = await SignInPage.OpenSignedInAsync(context, raid.BoardPath, WebTestFixture.CommanderUserName, WebTestFixture.CommanderPassword);
        await Expect(page.GetByTestId("feed-status")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15_000 });
        // A marker that a reload would wipe: the board must change in place.
        await page.EvaluateAsync("window.__sameDocument = true");
        return page;
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

        await field.GetByTestId($"submit-breach-{site.SiteId}").ClickAsync();
        await field.GetByTestId($"form-arrest-{site.SiteId}").GetByTestId("field-name").FillAsync("张某");
        await field.GetByTestId($"submit-arrest-{site.SiteId}").ClickAsync();

        await Expect(board.GetByTestId($"site-{site.SiteId}-arrests")).ToHaveTextAsync("1", Soon);
        await Expect(board.GetByTestId($"site-{site.SiteId}-status")).ToHaveTextAsync("已突入", Soon);
        await Expect(board.GetByTestId($"city-{site.CityCode}-arrests")).ToHaveTextAsync("1", Soon);
        await Expect(board.GetByTestId("activity-feed")).ToContainTextAsync("张某");
        Assert.True(await board.EvaluateAsync<bool>("window.__sameDocument === true"));
        await Screenshots.SaveAsync(board, "board-live-zh-CN");
        await Screenshots.SaveAsync(field, "field-after-arrest-en");
    }

    [Fact]
    public async Task A_board_that_loses_its_socket_while_arrests_are_logged_reconnects_and_misses_none()
    {
        var raid = await fixture.LaunchedRaidAsync("reconnect");
        var site = raid.Operation.Sites[3];
        var officer = await fixture.Server.Anonymous.SignInAsync(site.OfficerUserName, DemoRaid.OfficerPassword, "officer-phone");
        await using var commandPost = await fixture.NewContextAsync("en-US");
        var sockets = new List<IWebSocketRoute>();
        var outage = false;
        // Every hub socket passes through the test, so the test can cut it; during the outage reconnecting fails.
        await commandPost.RouteWebSocketAsync(new Regex("/hubs/command"), socket =>
        {
            sockets.Add(socket);
            socket.ConnectToServer();
        });
        await commandPost.RouteAsync("**/hubs/command/negotiate*", route => outage ? route.AbortAsync("internetdisconnected") : route.ContinueAsync());
        var board = await OpenLiveBoardAsync(commandPost, raid);
        await LogArrestAsync(officer, raid, site, 1);
        await Expect(board.Locator(".feed-item.type-site-arrest-logged")).ToHaveCountAsync(1, new() { Timeout = 5_000 });

        outage = true;
        foreach (var socket in sockets)
        {
            await socket.CloseAsync();
        }

        await Expect(board.GetByTestId("feed-status")).Not.ToHaveAttributeAsync("data-state", "live");
        for (var number = 2; number <= 6; number++)
        {
            await LogArrestAsync(officer, raid, site, number);
        }

        outage = false;
        await Expect(board.GetByTestId("feed-status")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 20_000 });
        await Expect(board.Locator(".feed-item.type-site-arrest-logged")).ToHaveCountAsync(6, new() { Timeout = 5_000 });
        await Expect(board.GetByTestId($"site-{site.SiteId}-arrests")).ToHaveTextAsync("6", Soon);
        Assert.True(await board.EvaluateAsync<bool>("window.__sameDocument === true"));
    }

    private static Task<System.Text.Json.JsonElement> LogArrestAsync(RaidApiClient officer, LaunchedRaid raid, DemoSite site, int number) =>
        officer.CommandAsync(raid.Operation.SitePath(site, "arrests"), new { teamId = site.TeamId, occurredAt = DateTimeOffset.UtcNow, localTag = $"T-{number:000}" });
}
