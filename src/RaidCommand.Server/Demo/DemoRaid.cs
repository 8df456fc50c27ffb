namespace RaidCommand.Server.Demo;

/// <summary>A den of the demo raid with the team assigned to it and the field officer who logs for that team.</summary>
public sealed record DemoSite(Guid SiteId, Guid TeamId, string CityCode, string Address, int ExpectedHeadcount, string OfficerUserName);

public sealed record DemoOperation(Guid OperationId, IReadOnlyList<DemoSite> Sites)
{
    public string Path => $"/api/operations/{OperationId}";

    public string SitePath(DemoSite site, string action)
    {
        ArgumentNullException.ThrowIfNull(site);
        return $"{Path}/sites/{site.SiteId}/{action}";
    }
}

/// <summary>
/// Plans a two-city raid (Zhengzhou and Shanghai) through the API as its commander: cities, dens, one team per den,
/// a field-officer account per team made a member of it, and H-hour; optionally approves and launches it.
/// </summary>
public static class DemoRaid
{
    private sealed record Den(string CityCode, string Address, int ExpectedHeadcount);

    private static readonly Den[] Dens =
    [
        new("ZZ", "金水区 农业路 18号 1402室", 9),
        new("ZZ", "二七区 大学路 75号 B座 6层", 7),
        new("ZZ", "郑东新区 商务外环 9号 2103室", 6),
        new("SH", "浦东新区 张江路 369号 5楼", 8),
        new("SH", "闵行区 七莘路 1588号 11层", 5),
    ];

    public const string OfficerPassword = "field-Pa55word-2026";

    /// <param name="admin">An administrator, to register the field officers' accounts.</param>
    /// <param name="commander">The commander who opens and plans the operation.</param>
    /// <param name="officerPrefix">Prefix of the field officers' user names (one per den: prefix-1, prefix-2…).</param>
    public static async Task<DemoOperation> PlanAsync(
        RaidApiClient admin, RaidApiClient commander, DateTimeOffset hHour, string codeName, string officerPrefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(commander);
        var operationId = Guid.NewGuid();
        var path = $"/api/operations/{operationId}";
        await commander.CommandAsync("/api/operations", new
        {
            operationId,
            codeName,
            title = "电信网络诈骗窝点集中收网 / Telecom-fraud call centres",
            originCase = new { reference = "LZ-2026-0526", reportedLoss = new { amount = 15_500_000m, currency = "CNY" }, reportedAt = hHour.AddDays(-40) },
            homeCity = new { code = "LZ", name = "兰州 Lanzhou", timeZoneId = "Asia/Shanghai" },
            commander = "李伟 Li Wei",
        }, cancellationToken);
        await commander.CommandAsync($"{path}/cities", new { cityCode = "ZZ", name = "郑州 Zhengzhou", localCommander = "王强 Wang Qiang", timeZoneId = "Asia/Shanghai" }, cancellationToken);
        await commander.CommandAsync($"{path}/cities", new { cityCode = "SH", name = "上海 Shanghai", localCommander = "陈静 Chen Jing", timeZoneId = "Asia/Shanghai" }, cancellationToken);

        var sites = new List<DemoSite>();
        foreach (var (den, index) in Dens.Select((den, index) => (den, index + 1)))
        {
            var site = new DemoSite(Guid.NewGuid(), Guid.NewGuid(), den.CityCode, den.Address, den.ExpectedHeadcount, $"{officerPrefix}-{index}");
            await commander.CommandAsync($"{path}/sites", new { siteId = site.SiteId, cityCode = den.CityCode, address = den.Address, expectedHeadcount = den.ExpectedHeadcount }, cancellationToken);
            await commander.CommandAsync($"{path}/teams", new { teamId = site.TeamId, name = $"{den.CityCode} 抓捕{index}组", leader = $"组长 {index}", headcount = 8, cityCode = den.CityCode }, cancellationToken);
            await commander.CommandAsync($"{path}/assignments", new { teamId = site.TeamId, siteId = site.SiteId }, cancellationToken);
            var officerId = await admin.EnsureAccountAsync(site.OfficerUserName, $"Officer {index}", OfficerPassword, "field-officer", cancellationToken);
            await commander.CommandAsync($"{path}/members", new { userId = officerId, capacity = "field-officer", teamId = site.TeamId }, cancellationToken);
            sites.Add(site);
        }

        await commander.CommandAsync($"{path}/strike-time", new { hHour }, cancellationToken);
        return new DemoOperation(operationId, sites);
    }

    public static async Task ApproveAndLaunchAsync(RaidApiClient commander, DemoOperation operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commander);
        ArgumentNullException.ThrowIfNull(operation);
        await commander.CommandAsync($"{operation.Path}/approval", new { }, cancellationToken);
        await commander.CommandAsync($"{operation.Path}/launch", new { }, cancellationToken);
    }
}
