using Microsoft.Playwright;
using RaidCommand.Server.Demo;
using RaidCommand.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RaidCommand.Web.Tests;

/// <summary>
/// The board and the field app in Chinese and English, with results on them: the language follows the browser,
/// the switch changes it and is remembered, and screenshots are kept in TestResults/screenshots.
/// </summary>
public sealed class ScreenshotTests(WebTestFixture fixture) : IClassFixture<WebTestFixture>
{
    [Fact]
    public async Task The_board_speaks_the_browsers_language_switches_and_remembers_and_shows_the_results()
    {
        var raid = await fixture.LaunchedRaidAsync("shots");
        await LogResultsAsync(raid);
        await using var commandPost = await fixture.NewContextAsync("zh-CN");
        var board = await SignInPage.OpenSignedInAsync(commandPost, raid.BoardPath, WebTestFixture.CommanderUserName, WebTestFixture.CommanderPassword);

        await Expect(board.Locator(".top-bar .title")).ToHaveTextAsync("指挥大屏");
        await Expect(board.GetByTestId("operation-arrests")).ToHaveTextAsync("5");
        await Expect(board.GetByTestId("transfers")).ToContainTextAsync("K1353");
        await Screenshots.SaveAsync(board, "board-zh-CN");

        await board.GetByTestId("language-switch").ClickAsync();
        await Expect(board.Locator(".top-bar .title")).ToHaveTextAsync("Command board");
        await Screenshots.SaveAsync(board, "board-en");
        await board.ReloadAsync();
        await Expect(board.Locator(".top-bar .title")).ToHaveTextAsync("Command board");
    }

    [Fact]
    public async Task The_field_app_fits_a_phone_in_both_languages()
    {
        var raid = await fixture.LaunchedRaidAsync("phone");
        var site = raid.FirstSite;
        await using var phone = await fixture.NewContextAsync("en-US", phone: true);
        var field = await SignInPage.OpenSignedInAsync(phone, "/field", site.OfficerUserName, DemoRaid.OfficerPassword);
        await field.GetByTestId($"submit-breach-{site.SiteId}").ClickAsync();
        await Expect(field.Locator("[data-testid=outbox-entry][data-state=delivered]")).ToHaveCountAsync(1, new() { Timeout = 10_000 });

        await Expect(field.GetByTestId($"field-site-status-{site.SiteId}")).ToHaveTextAsync("Breached");
        await Expect(field.Locator(".top-bar .title")).ToHaveTextAsync("Field app");
        await Screenshots.SaveAsync(field, "field-en");
        await field.GetByTestId("language-switch").ClickAsync();
        await Expect(field.Locator(".top-bar .title")).ToHaveTextAsync("现场终端");
        await Screenshots.SaveAsync(field, "field-zh-CN");
        var width = await field.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the field app is {width}px wide on a 390px phone");
    }

    /// <summary>Breaches, five arrests, seizures, a freeze and a transfer of detainees, as the field and command post log them.</summary>
    private static async Task LogResultsAsync(LaunchedRaid raid)
    {
        var commander = raid.Commander;
        var persons = new List<Guid>();
        foreach (var (site, index) in raid.Operation.Sites.Take(3).Select((site, index) => (site, index)))
        {
            await commander.CommandAsync(raid.Operation.SitePath(site, "breach"), new { teamId = site.TeamId, occurredAt = DateTimeOffset.UtcNow.AddMinutes(-5) });
        }

        var first = raid.FirstSite;
        for (var number = 1; number <= 4; number++)
        {
            var personId = Guid.NewGuid();
            persons.Add(personId);
            await commander.CommandAsync(raid.Operation.SitePath(first, "arrests"), new { teamId = first.TeamId, occurredAt = DateTimeOffset.UtcNow.AddMinutes(-4), personId, name = $"陈某{number}" });
        }

        var shanghai = raid.Operation.Sites.First(site => site.CityCode == "SH");
        await commander.CommandAsync(raid.Operation.SitePath(shanghai, "breach"), new { teamId = shanghai.TeamId, occurredAt = DateTimeOffset.UtcNow.AddMinutes(-3) });
        await commander.CommandAsync(raid.Operation.SitePath(shanghai, "arrests"), new { teamId = shanghai.TeamId, occurredAt = DateTimeOffset.UtcNow.AddMinutes(-2), localTag = "SH-04-001" });
        await commander.CommandAsync(raid.Operation.SitePath(first, "seizures"), new
        {
            teamId = first.TeamId, occurredAt = DateTimeOffset.UtcNow.AddMinutes(-2), category = "Phone", quantity = 24, description = "24 phones",
            identifiers = Array.Empty<string>(), storageLocation = "郑州 物证室",
        });
        await commander.CommandAsync(raid.Operation.SitePath(first, "freezes"), new
        {
            teamId = first.TeamId, occurredAt = DateTimeOffset.UtcNow.AddMinutes(-1), accountHolder = "刘某", bank = "中国工商银行",
            accountNumber = "6222000011112222", amount = new { amount = 1_250_000m, currency = "CNY" }, freezeOrderReference = "冻字〔2026〕1号",
        });
        foreach (var personId in persons)
        {
            await commander.CommandAsync($"/api/persons/{personId}/questioning", new { questionedBy = "王强", location = "郑州市公安局", occurredAt = DateTimeOffset.UtcNow });
            await commander.CommandAsync($"/api/persons/{personId}/detention", new { approvingOfficer = "王强", facility = "郑州市看守所", occurredAt = DateTimeOffset.UtcNow });
        }

        var transferId = Guid.NewGuid();
        await commander.CommandAsync($"{raid.Operation.Path}/transfers", new
        {
            transferId, originCity = "ZZ", destinationCity = "LZ", mode = "Rail", vehicleOrFlight = "K1353", escortTeamId = first.TeamId, manifest = persons,
        });
        await commander.CommandAsync($"/api/transfers/{transferId}/board", new { personIds = persons, occurredAt = DateTimeOffset.UtcNow });
        await commander.CommandAsync($"/api/transfers/{transferId}/depart", new { headcount = 3, occurredAt = DateTimeOffset.UtcNow });
    }
}
