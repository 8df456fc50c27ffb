using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using RaidCommand.Server.Tests.Api;
using RaidCommand.Server.Tests.Custody;
using RaidCommand.Server.Tests.Infrastructure;
using RaidCommand.Server.Tests.Transfers;

namespace RaidCommand.Server.Tests.Scenarios;

/// <summary>
/// The campaign end to end: a Lanzhou-led raid striking Zhengzhou and Shanghai at once, 306 arrests over nine sites,
/// 85 criminal detentions, seizures and freezes, and the 82 detained in Zhengzhou flown to Lanzhou. Every read model is
/// then checked against what was logged.
/// </summary>
public sealed class TwoCityRaidScenarioTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    private const int Parallelism = 8;
    private const int ArrestsPerZhengzhouSite = 45;
    private const int ArrestsPerShanghaiSite = 12;
    private const int DetainedInZhengzhou = 82;
    private const int DetainedInShanghai = 3;

    private readonly ApiClient _api = factory.CreateApiClient();

    [Fact]
    public async Task A_two_city_raid_with_a_transfer_to_Lanzhou_adds_up_on_every_register()
    {
        var clock = Stopwatch.StartNew();
        var raid = await RaidScenario.OpenAsync(_api, "5·26", homeCityCode: "LZ");
        await raid.AddCityAsync("ZZ", "Zhengzhou");
        await raid.AddCityAsync("SH", "Shanghai");
        var zhengzhouSites = new List<StaffedSite>();
        for (var i = 1; i <= 6; i++)
        {
            zhengzhouSites.Add(await raid.AddStaffedSiteAsync("ZZ", $"Jinshui District, Building {i}", ArrestsPerZhengzhouSite));
        }

        var shanghaiSites = new List<StaffedSite>();
        for (var i = 1; i <= 3; i++)
        {
            shanghaiSites.Add(await raid.AddStaffedSiteAsync("SH", $"Pudong New Area, Room {i}01", ArrestsPerShanghaiSite));
        }

        await raid.SetStrikeTimeAsync(RaidScenario.DefaultHHour);
        await raid.ApproveAsync();
        await raid.LaunchAsync();

        // Strike: each site's field log is written by one worker, so sites proceed in parallel without racing each other.
        var arrests = new ConcurrentDictionary<Guid, string>();
        await InParallel(raid.Sites, async site =>
        {
            await raid.BreachAsync(site);
            await raid.FieldCommandAsync(site, "secure", new { teamId = site.TeamId, occurredAt = RaidScenario.JustNow });
            var count = site.CityCode == "ZZ" ? ArrestsPerZhengzhouSite : ArrestsPerShanghaiSite;
            for (var i = 1; i <= count; i++)
            {
                arrests[await raid.ArrestAsync(site, $"{site.CityCode} suspect {site.SiteId.ToString()[..4]}-{i:000}")] = site.CityCode;
            }

            await raid.SeizeAsync(site, "Phone", 20);
            await raid.SeizeAsync(site, "HardDisk", 4);
            await raid.FreezeAsync(site, 500_000m);
        });
        await raid.SeizeAsync(zhengzhouSites[0], "Vehicle", 2);
        await raid.SeizeAsync(shanghaiSites[0], "Cash", 1, 86_000m);
        await InParallel(raid.Sites, site => raid.FieldCommandAsync(site, "dismantle", new { teamId = site.TeamId, occurredAt = RaidScenario.JustNow }));

        // Custody: everyone is questioned; 82 detained in Zhengzhou, 3 in Shanghai, the rest bailed or released.
        var inZhengzhou = arrests.Where(a => a.Value == "ZZ").Select(a => a.Key).Order().ToList();
        var inShanghai = arrests.Where(a => a.Value == "SH").Select(a => a.Key).Order().ToList();
        var toDetain = inZhengzhou.Take(DetainedInZhengzhou).Concat(inShanghai.Take(DetainedInShanghai)).ToHashSet();
        var others = arrests.Keys.Except(toDetain).Order().ToList();
        await InParallel(arrests.Keys, personId => _api.QuestionAsync(personId));
        await InParallel(toDetain, personId => _api.DetainAsync(personId, arrests[personId] == "ZZ" ? "Zhengzhou No. 1 Detention Centre" : "Shanghai No. 2 Detention Centre"));
        await InParallel(others.Select((personId, index) => (personId, index)), p => p.index % 2 == 0 ? _api.BailAsync(p.personId) : _api.ReleaseAsync(p.personId));

        // Transfer (押解): the 82 from Zhengzhou to Lanzhou.
        var manifest = inZhengzhou.Take(DetainedInZhengzhou).ToList();
        var transferId = await raid.PlanTransferAsync("ZZ", "LZ", zhengzhouSites[0].TeamId, manifest);
        await _api.BoardAsync(transferId, manifest.Take(40));
        await _api.BoardAsync(transferId, manifest.Skip(40));
        await _api.DepartAsync(transferId, DetainedInZhengzhou);
        await _api.CheckpointAsync(transferId, "Xi'an Xianyang International Airport", DetainedInZhengzhou);
        await _api.ArriveAsync(transferId, DetainedInZhengzhou);
        var handedOver = await _api.HandOverAsync(transferId, DetainedInZhengzhou, "Lanzhou Detention Centre");
        var after = handedOver.Position;

        var totalArrests = 6 * ArrestsPerZhengzhouSite + 3 * ArrestsPerShanghaiSite;
        Assert.Equal(totalArrests, arrests.Count);
        Assert.True(totalArrests >= 300);

        // The command post's board.
        var board = await _api.GetJsonAsync($"{raid.OperationPath}/board?after={after}");
        var totals = board.GetProperty("totals");
        Assert.Equal(totalArrests, totals.GetProperty("arrests").GetInt32());
        Assert.Equal(DetainedInZhengzhou + DetainedInShanghai, totals.GetProperty("criminalDetentions").GetInt32());
        var seizures = totals.GetProperty("seizuresByCategory");
        Assert.Equal(9 * 20, seizures.GetProperty("Phone").GetInt32());
        Assert.Equal(9 * 4, seizures.GetProperty("HardDisk").GetInt32());
        Assert.Equal(2, seizures.GetProperty("Vehicle").GetInt32());
        Assert.Equal(1, seizures.GetProperty("Cash").GetInt32());
        Assert.Equal(9 * 500_000m, totals.GetProperty("frozenByCurrency").GetProperty("CNY").GetDecimal());
        var boardTransfer = Assert.Single(board.GetProperty("transfers").EnumerateArray());
        Assert.Equal("HandedOver", boardTransfer.GetProperty("status").GetString());
        foreach (var stage in new[] { "manifestSize", "boarded", "departed", "arrived", "handedOver" })
        {
            Assert.Equal(DetainedInZhengzhou, boardTransfer.GetProperty(stage).GetInt32());
        }

        Assert.Equal(0, boardTransfer.GetProperty("alerts").GetArrayLength());

        // The transfer itself.
        var transfer = await _api.GetJsonAsync($"/api/transfers/{transferId}?after={after}");
        Assert.Equal(DetainedInZhengzhou, transfer.GetProperty("headcounts").GetProperty("handOver").GetInt32());
        Assert.Equal(0, transfer.GetProperty("alerts").GetArrayLength());

        // The custody register and every transferred person's record.
        var register = await _api.GetJsonAsync($"{raid.OperationPath}/custody?after={after}");
        Assert.Equal(totalArrests, register.GetArrayLength());
        var lines = register.EnumerateArray().ToList();
        Assert.Equal(DetainedInZhengzhou, lines.Count(l => Status(l) == "CriminallyDetained" && City(l) == "LZ"));
        Assert.Equal(DetainedInShanghai, lines.Count(l => Status(l) == "CriminallyDetained" && City(l) == "SH"));
        Assert.Equal(totalArrests - DetainedInZhengzhou - DetainedInShanghai, lines.Count(l => Status(l) is "BailedPendingTrial" or "Released"));
        await InParallel(manifest, async personId =>
        {
            var record = await _api.CustodyRecordAsync(personId, after);
            Assert.Equal("LZ", record.GetProperty("location").GetProperty("cityCode").GetString());
            Assert.Equal("Lanzhou Detention Centre", record.GetProperty("location").GetProperty("facility").GetString());
            var leg = Assert.Single(record.GetProperty("transfers").EnumerateArray());
            Assert.Equal(transferId, leg.GetProperty("transferId").GetGuid());
            Assert.NotEqual(JsonValueKind.Null, leg.GetProperty("handedOverAt").ValueKind);
        });

        // The seizure and funds registers.
        var seizureRegister = await _api.GetJsonAsync($"{raid.OperationPath}/seizures?after={after}");
        Assert.Equal(9 * 2 + 2, seizureRegister.GetProperty("seizures").GetArrayLength());
        Assert.Equal(9 * 20, seizureRegister.GetProperty("quantityByCategory").GetProperty("Phone").GetInt32());
        var funds = await _api.GetJsonAsync($"{raid.OperationPath}/funds?after={after}");
        Assert.Equal(9 * 500_000m, funds.GetProperty("frozenByCurrency").GetProperty("CNY").GetDecimal());

        // Campaign statistics, by city.
        var statistics = await _api.GetJsonAsync($"/api/statistics?groupBy=city&after={after}");
        var byCity = statistics.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("key").GetString()!);
        Assert.Equal(6 * ArrestsPerZhengzhouSite, byCity["ZZ"].GetProperty("personsArrested").GetInt32());
        Assert.Equal(DetainedInZhengzhou, byCity["ZZ"].GetProperty("personsCriminallyDetained").GetInt32());
        Assert.Equal(6, byCity["ZZ"].GetProperty("sitesDismantled").GetInt32());
        Assert.Equal(DetainedInShanghai, byCity["SH"].GetProperty("personsCriminallyDetained").GetInt32());
        var campaign = statistics.GetProperty("totals");
        Assert.Equal(1, campaign.GetProperty("operations").GetInt32());
        Assert.Equal(totalArrests, campaign.GetProperty("personsArrested").GetInt32());
        Assert.Equal(9, campaign.GetProperty("sitesDismantled").GetInt32());
        Assert.Equal(9 * 500_000m, campaign.GetProperty("fundsFrozenCny").GetDecimal());

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(45), $"The scenario took {clock.Elapsed}.");
    }

    private static string? Status(JsonElement line) => line.GetProperty("status").GetString();

    private static string? City(JsonElement line) => line.GetProperty("location").GetProperty("cityCode").GetString();

    private static Task InParallel<T>(IEnumerable<T> items, Func<T, Task> act) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (item, _) => await act(item));
}
