using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RaidCommand.Domain.Custody;
using RaidCommand.Domain.Transfers;
using RaidCommand.EventStore;
using RaidCommand.Server.Tests.Api;
using RaidCommand.Server.Tests.Infrastructure;

namespace RaidCommand.Server.Tests.Board;

public sealed class OperationBoardTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    private readonly ApiClient _api = factory.CreateApiClient();

    [Fact]
    public async Task The_board_of_a_two_city_raid_adds_up_what_was_logged()
    {
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(_api);
        var (lanzhou, zhengzhou) = (raid.Sites[0], raid.Sites[1]);
        await raid.BreachAsync(lanzhou);
        await raid.ArrestAsync(lanzhou, "Liu Yang");
        await raid.ArrestAsync(lanzhou, "Zhou Wei");
        await raid.ArrestAsync(zhengzhou, "Ma Jun");
        await raid.SeizeAsync(lanzhou, "Phone", 40);
        await raid.SeizeAsync(zhengzhou, "Phone", 5);
        await raid.SeizeAsync(zhengzhou, "Computer", 3);
        await raid.SeizeAsync(lanzhou, "Cash", 1, 52000m);
        await raid.FreezeAsync(lanzhou, 1_200_000m);
        await raid.FreezeAsync(zhengzhou, 300_000.50m);
        await raid.FreezeAsync(zhengzhou, 2000m, "USD");
        var stopPaymentAt = RaidScenario.JustNow;
        await raid.StopPaymentAsync(zhengzhou, 15000m, stopPaymentAt);

        var board = await _api.GetJsonAsync($"{raid.OperationPath}/board?after={raid.LastPosition}");

        Assert.Equal("5·26", board.GetProperty("codeName").GetString());
        Assert.Equal("Launched", board.GetProperty("status").GetString());
        Assert.Equal("LZ-2026-0417", board.GetProperty("originCase").GetProperty("reference").GetString());
        Assert.Equal("LZ", board.GetProperty("homeCity").GetProperty("code").GetString());

        var totals = board.GetProperty("totals");
        Assert.Equal(3, totals.GetProperty("arrests").GetInt32());
        Assert.Equal(45, totals.GetProperty("seizuresByCategory").GetProperty("Phone").GetInt32());
        Assert.Equal(3, totals.GetProperty("seizuresByCategory").GetProperty("Computer").GetInt32());
        Assert.Equal(1, totals.GetProperty("seizuresByCategory").GetProperty("Cash").GetInt32());
        Assert.Equal(1_500_000.50m, totals.GetProperty("frozenByCurrency").GetProperty("CNY").GetDecimal());
        Assert.Equal(2000m, totals.GetProperty("frozenByCurrency").GetProperty("USD").GetDecimal());
        Assert.Equal(15000m, totals.GetProperty("stopPaymentsByCurrency").GetProperty("CNY").GetDecimal());

        var zz = City(board, "ZZ");
        Assert.Equal("Zhengzhou", zz.GetProperty("name").GetString());
        Assert.Equal(1, zz.GetProperty("totals").GetProperty("arrests").GetInt32());
        Assert.Equal(5, zz.GetProperty("totals").GetProperty("seizuresByCategory").GetProperty("Phone").GetInt32());
        Assert.Equal(300_000.50m, zz.GetProperty("totals").GetProperty("frozenByCurrency").GetProperty("CNY").GetDecimal());
        Assert.Equal(2, City(board, "LZ").GetProperty("totals").GetProperty("arrests").GetInt32());
        Assert.True(zz.GetProperty("launchedAt").ValueKind == JsonValueKind.String);

        // H-hour 04:00 China time is 20:00 UTC the evening before; the board shows both.
        Assert.Equal(RaidScenario.DefaultHHour, zz.GetProperty("hHour").GetDateTimeOffset());
        Assert.Equal(TimeSpan.Zero, zz.GetProperty("hHour").GetDateTimeOffset().Offset);
        Assert.Equal("2026-05-26T04:00:00+08:00", zz.GetProperty("localHHour").GetString());
        Assert.Equal("Asia/Shanghai", zz.GetProperty("timeZoneId").GetString());

        var site = Site(board, lanzhou.SiteId);
        Assert.Equal("Breached", site.GetProperty("status").GetString());
        Assert.Equal("Planned", Site(board, zhengzhou.SiteId).GetProperty("status").GetString());
        Assert.Equal(lanzhou.Address, site.GetProperty("address").GetString());
        Assert.Equal(12, site.GetProperty("expectedHeadcount").GetInt32());
        Assert.Equal("LZ team 1", Assert.Single(site.GetProperty("teams").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(2, site.GetProperty("totals").GetProperty("arrests").GetInt32());

        var sinceReport = TimeSpan.Parse(board.GetProperty("timeFromReportToFirstStopPayment").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True((stopPaymentAt - RaidScenario.ReportedAt - sinceReport).Duration() < TimeSpan.FromMilliseconds(1), $"time from report was {sinceReport}");
    }

    [Fact]
    public async Task Detentions_follow_custody_decisions_and_corrections_and_transfers_are_tracked()
    {
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(_api);
        var site = raid.Sites[1];
        var first = await raid.ArrestAsync(site, "Ma Jun");
        var second = await raid.ArrestAsync(site, "Gao Fei");
        var transferId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;

        // Custody and transfer commands belong to another module; their events are appended directly, as its handlers would.
        await AppendAsync($"person-{first:N}", new CriminallyDetained(first, "Chief Xu", "Zhengzhou Detention Centre", "ZZ", now));
        await AppendAsync($"person-{second:N}", new CriminallyDetained(second, "Chief Xu", "Zhengzhou Detention Centre", "ZZ", now));
        await AppendAsync($"person-{second:N}", new CustodyDecisionCorrected(second, CustodyDecision.CriminallyDetained, "wrong person", "Chief Xu", now));
        await AppendAsync($"transfer-{transferId:N}",
            new TransferPlanned(transferId, raid.OperationId, "ZZ", "LZ", TransferMode.Rail, "K1234", site.TeamId, [first], "Chief Xu", now));
        await AppendAsync($"transfer-{transferId:N}", new DetaineesBoarded(transferId, [first], now));
        await AppendAsync($"transfer-{transferId:N}", new TransferDeparted(transferId, 2, now));
        var last = await AppendAsync($"transfer-{transferId:N}", new HeadcountMismatchDetected(transferId, TransferStage.Departure, 1, 2, now));

        var board = await _api.GetJsonAsync($"{raid.OperationPath}/board?after={last}");

        AssertDetentionsAndTransfer(board);

        // A rebuild replays the log from the start; custody and transfer events must be routed again through the reset index.
        using var rebuild = await factory.CreateApiClient(TestAccounts.Administrator).Http.PostAsync(new Uri("/api/admin/projections/operation-board/rebuild", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, rebuild.StatusCode);
        AssertDetentionsAndTransfer(await _api.GetJsonAsync($"{raid.OperationPath}/board?after={last}"));
    }

    private static void AssertDetentionsAndTransfer(JsonElement board)
    {
        Assert.Equal(2, board.GetProperty("totals").GetProperty("arrests").GetInt32());
        Assert.Equal(1, board.GetProperty("totals").GetProperty("criminalDetentions").GetInt32());
        Assert.Equal(1, City(board, "ZZ").GetProperty("totals").GetProperty("criminalDetentions").GetInt32());
        Assert.Equal(0, City(board, "LZ").GetProperty("totals").GetProperty("criminalDetentions").GetInt32());
        var transfer = Assert.Single(board.GetProperty("transfers").EnumerateArray());
        Assert.Equal("ZZ", transfer.GetProperty("originCity").GetString());
        Assert.Equal("LZ", transfer.GetProperty("destinationCity").GetString());
        Assert.Equal("Rail", transfer.GetProperty("mode").GetString());
        Assert.Equal("Departed", transfer.GetProperty("status").GetString());
        Assert.Equal(1, transfer.GetProperty("manifestSize").GetInt32());
        Assert.Equal(1, transfer.GetProperty("boarded").GetInt32());
        Assert.Equal(2, transfer.GetProperty("departed").GetInt32());
        var alert = Assert.Single(transfer.GetProperty("alerts").EnumerateArray());
        Assert.Equal("Departure", alert.GetProperty("stage").GetString());
        Assert.Equal(1, alert.GetProperty("expected").GetInt32());
        Assert.Equal(2, alert.GetProperty("actual").GetInt32());
    }

    [Fact]
    public async Task The_board_etag_is_the_operation_stream_version_it_reflects()
    {
        var raid = await RaidScenario.OpenAsync(_api, "7·15");
        await raid.AddCityAsync("ZZ", "Zhengzhou");

        using var response = await _api.Http.GetAsync(new Uri($"{raid.OperationPath}/board?after={raid.LastPosition}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task The_operations_list_shows_every_operation()
    {
        var raid = await RaidScenario.OpenAsync(_api, "9·09");

        var list = await _api.GetJsonAsync($"/api/operations?after={raid.LastPosition}");

        var entry = Assert.Single(list.EnumerateArray(), o => o.GetProperty("operationId").GetGuid() == raid.OperationId);
        Assert.Equal("9·09", entry.GetProperty("codeName").GetString());
        Assert.Equal("Planning", entry.GetProperty("status").GetString());
        Assert.StartsWith("Operation 9·09", entry.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_operations_board_is_refused_like_one_the_caller_is_not_on()
    {
        using var response = await _api.Http.GetAsync(new Uri($"/api/operations/{Guid.NewGuid()}/board", UriKind.Relative));

        await Refusal.ProblemAsync(response, HttpStatusCode.Forbidden, "access.denied");
    }

    [Fact]
    public async Task An_unreadable_after_position_is_a_400()
    {
        var raid = await RaidScenario.OpenAsync(_api);

        using var response = await _api.Http.GetAsync(new Uri($"{raid.OperationPath}/board?after=yesterday", UriKind.Relative));

        await Refusal.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    private static JsonElement City(JsonElement board, string code) =>
        Assert.Single(board.GetProperty("cities").EnumerateArray(), c => c.GetProperty("code").GetString() == code);

    private static JsonElement Site(JsonElement board, Guid siteId) =>
        Assert.Single(board.GetProperty("sites").EnumerateArray(), s => s.GetProperty("siteId").GetGuid() == siteId);

    private async Task<string> AppendAsync(string streamId, object @event)
    {
        var store = factory.Services.GetRequiredService<EventStore.EventStore>();
        var result = await store.AppendAsync(streamId, ExpectedVersion.Any, [new NewEvent(@event, DateTimeOffset.UtcNow)]);
        return result.LastPosition.ToString();
    }
}
