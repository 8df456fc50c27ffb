using System.Globalization;
using System.Net;
using System.Text.Json;
using RaidCommand.Server.Tests.Api;
using RaidCommand.Server.Tests.Custody;
using RaidCommand.Server.Tests.Infrastructure;

namespace RaidCommand.Server.Tests.Statistics;

/// <summary>Statistics span every operation of the database, so only one test of this class logs anything.</summary>
public sealed class CampaignStatisticsApiTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    private readonly ApiClient _api = factory.CreateApiClient();

    [Fact]
    public async Task Results_are_counted_by_city_and_by_month_within_the_dates_asked_for()
    {
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(_api);
        var zhengzhou = raid.Sites.Single(s => s.CityCode == "ZZ");
        var lanzhou = raid.Sites.Single(s => s.CityCode == "LZ");
        var detained = await raid.ArrestAsync(zhengzhou, "Suspect 1");
        var corrected = await raid.ArrestAsync(zhengzhou, "Suspect 2");
        var bailed = await raid.ArrestAsync(lanzhou, "Suspect 3");
        await _api.QuestionAndDetainAsync(detained);
        await _api.QuestionAndDetainAsync(corrected);
        await _api.CommandAsync(CustodySteps.PersonPath(corrected, "corrections"), new { reason = "Wrong person" });
        await _api.QuestionAsync(bailed);
        await _api.BailAsync(bailed);
        await raid.FreezeAsync(zhengzhou, 1_000_000m);
        await raid.FreezeAsync(lanzhou, 250_000m);
        await raid.FreezeAsync(lanzhou, 999m, "USD");
        await raid.BreachAsync(zhengzhou);
        await raid.FieldCommandAsync(zhengzhou, "secure", new { teamId = zhengzhou.TeamId, occurredAt = RaidScenario.JustNow });
        await raid.FieldCommandAsync(zhengzhou, "dismantle", new { teamId = zhengzhou.TeamId, occurredAt = RaidScenario.JustNow });
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var from = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var byCity = await _api.GetJsonAsync($"/api/statistics?from={from}&to={to}&groupBy=city&after={raid.LastPosition}");

        var lines = byCity.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("key").GetString()!);
        AssertLine(lines["ZZ"], operations: 1, sitesDismantled: 1, arrested: 2, detained: 1, frozenCny: 1_000_000m);
        AssertLine(lines["LZ"], operations: 1, sitesDismantled: 0, arrested: 1, detained: 0, frozenCny: 250_000m);
        AssertLine(byCity.GetProperty("totals"), operations: 1, sitesDismantled: 1, arrested: 3, detained: 1, frozenCny: 1_250_000m);

        var byMonth = await _api.GetJsonAsync($"/api/statistics?groupBy=month&after={raid.LastPosition}");
        var month = Assert.Single(byMonth.GetProperty("groups").EnumerateArray());
        Assert.Equal(today.ToString("yyyy-MM", CultureInfo.InvariantCulture), month.GetProperty("key").GetString());
        AssertLine(month, operations: 1, sitesDismantled: 1, arrested: 3, detained: 1, frozenCny: 1_250_000m);

        var later = today.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var nothing = await _api.GetJsonAsync($"/api/statistics?from={later}");
        Assert.Equal(0, nothing.GetProperty("groups").GetArrayLength());
        AssertLine(nothing.GetProperty("totals"), operations: 0, sitesDismantled: 0, arrested: 0, detained: 0, frozenCny: 0m);
    }

    [Theory]
    [InlineData("groupBy=week")]
    [InlineData("from=2026-13-01")]
    [InlineData("from=2026-06-01&to=2026-05-01")]
    [InlineData("after=not-a-position")]
    public async Task Unreadable_queries_are_400_problem_details(string query)
    {
        using var response = await _api.Http.GetAsync(new Uri($"/api/statistics?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static void AssertLine(JsonElement line, int operations, int sitesDismantled, int arrested, int detained, decimal frozenCny)
    {
        Assert.Equal(operations, line.GetProperty("operations").GetInt32());
        Assert.Equal(sitesDismantled, line.GetProperty("sitesDismantled").GetInt32());
        Assert.Equal(arrested, line.GetProperty("personsArrested").GetInt32());
        Assert.Equal(detained, line.GetProperty("personsCriminallyDetained").GetInt32());
        Assert.Equal(frozenCny, line.GetProperty("fundsFrozenCny").GetDecimal());
    }
}
