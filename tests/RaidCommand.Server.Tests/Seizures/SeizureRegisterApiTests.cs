using System.Net;
using RaidCommand.Server.Tests.Api;
using RaidCommand.Server.Tests.Infrastructure;

namespace RaidCommand.Server.Tests.Seizures;

public sealed class SeizureRegisterApiTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    private readonly ApiClient _api = factory.CreateApiClient();

    [Fact]
    public async Task The_seizure_register_lists_each_seizure_with_its_site_city_and_times_and_totals_by_category()
    {
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(_api);
        var zhengzhou = raid.Sites.Single(s => s.CityCode == "ZZ");
        var lanzhou = raid.Sites.Single(s => s.CityCode == "LZ");
        await raid.SeizeAsync(zhengzhou, "Phone", 40);
        await raid.SeizeAsync(zhengzhou, "HardDisk", 6);
        await raid.SeizeAsync(lanzhou, "Phone", 5);
        await raid.SeizeAsync(lanzhou, "Cash", 1, 85000m);

        var register = await _api.GetJsonAsync($"{raid.OperationPath}/seizures?after={raid.LastPosition}");

        var seizures = register.GetProperty("seizures").EnumerateArray().ToList();
        Assert.Equal(4, seizures.Count);
        var disks = seizures.Single(s => s.GetProperty("category").GetString() == "HardDisk");
        Assert.Equal(6, disks.GetProperty("quantity").GetInt32());
        Assert.Equal("ZZ", disks.GetProperty("cityCode").GetString());
        Assert.Equal(zhengzhou.SiteId, disks.GetProperty("siteId").GetGuid());
        Assert.Equal("Evidence room 3", disks.GetProperty("storageLocation").GetString());
        Assert.True(disks.GetProperty("recordedAt").GetDateTimeOffset() >= disks.GetProperty("occurredAt").GetDateTimeOffset());
        var cash = seizures.Single(s => s.GetProperty("category").GetString() == "Cash");
        Assert.Equal(85000m, cash.GetProperty("cashAmount").GetProperty("amount").GetDecimal());
        var totals = register.GetProperty("quantityByCategory");
        Assert.Equal(45, totals.GetProperty("Phone").GetInt32());
        Assert.Equal(6, totals.GetProperty("HardDisk").GetInt32());
    }

    [Fact]
    public async Task The_funds_register_lists_freezes_and_stop_payments_with_totals_by_currency()
    {
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(_api);
        var zhengzhou = raid.Sites.Single(s => s.CityCode == "ZZ");
        await raid.FreezeAsync(zhengzhou, 1_200_000m);
        await raid.FreezeAsync(zhengzhou, 300_000m);
        await raid.StopPaymentAsync(zhengzhou, 15_000m);

        var funds = await _api.GetJsonAsync($"{raid.OperationPath}/funds?after={raid.LastPosition}");

        Assert.Equal(2, funds.GetProperty("freezes").GetArrayLength());
        var stopPayment = Assert.Single(funds.GetProperty("stopPayments").EnumerateArray());
        Assert.Equal("RQ-2026-001", stopPayment.GetProperty("requestReference").GetString());
        Assert.Equal("ZZ", stopPayment.GetProperty("cityCode").GetString());
        Assert.Equal(1_500_000m, funds.GetProperty("frozenByCurrency").GetProperty("CNY").GetDecimal());
        Assert.Equal(15_000m, funds.GetProperty("stoppedByCurrency").GetProperty("CNY").GetDecimal());
    }

    [Theory]
    [InlineData("seizures")]
    [InlineData("funds")]
    public async Task An_unknown_operation_is_refused_and_an_unreadable_position_is_a_400(string register)
    {
        using var unknown = await _api.Http.GetAsync(new Uri($"/api/operations/{Guid.NewGuid()}/{register}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);

        var raid = await RaidScenario.OpenAsync(_api);
        using var unreadable = await _api.Http.GetAsync(new Uri($"{raid.OperationPath}/{register}?after=yesterday", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
    }
}
