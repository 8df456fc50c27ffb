namespace RaidCommand.Server.Tests.Api;

/// <summary>
/// Builds operations through the API in a few calls: open, add cities, staffed sites, H-hour, approval, launch,
/// and the common field-log entries. Each step is a real command, so a scenario also exercises the endpoints.
/// </summary>
public sealed class RaidScenario
{
    /// <summary>The victim's report: a month before the test run, so it is never in the future.</summary>
    public static readonly DateTimeOffset ReportedAt = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-30).AddHours(1.5), TimeSpan.Zero).ToOffset(TimeSpan.FromHours(8));

    /// <summary>04:00 on 26 May 2026 in China (UTC+8), the usual pre-dawn strike.</summary>
    public static readonly DateTimeOffset DefaultHHour = new(2026, 5, 26, 4, 0, 0, TimeSpan.FromHours(8));

    private readonly List<StaffedSite> _sites = [];

    private RaidScenario(ApiClient api, Guid operationId, string position)
    {
        Api = api;
        OperationId = operationId;
        LastPosition = position;
    }

    public ApiClient Api { get; }

    public Guid OperationId { get; }

    /// <summary>The feed position of the scenario's latest command, for ?after= reads.</summary>
    public string LastPosition { get; private set; }

    public IReadOnlyList<StaffedSite> Sites => _sites;

    public string OperationPath => $"/api/operations/{OperationId}";

    /// <summary>The field time to state for what a team just did: a little in the past, never in the future.</summary>
    public static DateTimeOffset JustNow => DateTimeOffset.UtcNow.AddMinutes(-1);

    public string SitePath(StaffedSite site, string action)
    {
        ArgumentNullException.ThrowIfNull(site);
        return $"{OperationPath}/sites/{site.SiteId}/{action}";
    }

    public static async Task<RaidScenario> OpenAsync(ApiClient api, string codeName = "5·26", string homeCityCode = "LZ")
    {
        ArgumentNullException.ThrowIfNull(api);
        var reply = await api.CommandAsync("/api/operations", new
        {
            codeName,
            title = $"Operation {codeName}: cross-border telecom fraud ring",
            originCase = new { reference = "LZ-2026-0417", reportedLoss = new { amount = 15000m, currency = "CNY" }, reportedAt = ReportedAt },
            homeCity = new { code = homeCityCode, name = "Lanzhou", timeZoneId = "Asia/Shanghai" },
            commander = "Director Li",
        });
        return new RaidScenario(api, reply.CreatedId, reply.Position);
    }

    /// <summary>Opens an operation with Lanzhou (LZ) and Zhengzhou (ZZ), one staffed site in each, H-hour set, approved and launched everywhere.</summary>
    public static async Task<RaidScenario> LaunchedTwoCityRaidAsync(ApiClient api)
    {
        var raid = await PlannedTwoCityRaidAsync(api);
        await raid.ApproveAsync();
        await raid.LaunchAsync();
        return raid;
    }

    /// <summary>The same two-city raid, planned and ready for approval but not approved.</summary>
    public static async Task<RaidScenario> PlannedTwoCityRaidAsync(ApiClient api)
    {
        var raid = await OpenAsync(api);
        await raid.AddCityAsync("LZ", "Lanzhou");
        await raid.AddCityAsync("ZZ", "Zhengzhou");
        await raid.AddStaffedSiteAsync("LZ", "Anning District, Building 7", 12);
        await raid.AddStaffedSiteAsync("ZZ", "Jinshui District, Room 1402", 30);
        await raid.SetStrikeTimeAsync(DefaultHHour);
        return raid;
    }

    public Task AddCityAsync(string code, string name, string timeZoneId = "Asia/Shanghai", string? localCommander = null) =>
        CommandAsync("cities", new { cityCode = code, name, localCommander = localCommander ?? $"{name} commander", timeZoneId });

    public async Task<StaffedSite> AddStaffedSiteAsync(string cityCode, string address, int expectedHeadcount = 10)
    {
        var siteId = Guid.NewGuid();
        var teamId = Guid.NewGuid();
        await CommandAsync("sites", new { siteId, cityCode, address, expectedHeadcount, notes = (string?)null });
        await CommandAsync("teams", new { teamId, name = $"{cityCode} team {_sites.Count + 1}", leader = "Captain Zhao", headcount = 8, cityCode });
        await CommandAsync("assignments", new { teamId, siteId });
        var site = new StaffedSite(siteId, teamId, cityCode, address);
        _sites.Add(site);
        return site;
    }

    public Task SetStrikeTimeAsync(DateTimeOffset hHour, string? cityCode = null) => CommandAsync("strike-time", new { hHour, cityCode });

    public Task ApproveAsync() => CommandAsync("approval", new { });

    public Task LaunchAsync(string? cityCode = null) => CommandAsync("launch", new { cityCode });

    public Task BreachAsync(StaffedSite site) => FieldCommandAsync(site, "breach", new { teamId = site.TeamId, occurredAt = JustNow });

    /// <summary>Logs an arrest and returns the arrested person's id (their custody record is opened with it).</summary>
    public async Task<Guid> ArrestAsync(StaffedSite site, string name)
    {
        ArgumentNullException.ThrowIfNull(site);
        var reply = await FieldCommandAsync(site, "arrests", new { teamId = site.TeamId, occurredAt = JustNow, name });
        return reply.CreatedId;
    }

    public Task SeizeAsync(StaffedSite site, string category, int quantity, decimal? cashAmount = null) =>
        FieldCommandAsync(site, "seizures", new
        {
            teamId = site.TeamId,
            occurredAt = JustNow,
            category,
            quantity,
            description = $"{quantity} × {category}",
            identifiers = Array.Empty<string>(),
            storageLocation = "Evidence room 3",
            cashAmount = cashAmount is { } amount ? new { amount, currency = "CNY" } : null,
        });

    public Task FreezeAsync(StaffedSite site, decimal amount, string currency = "CNY") =>
        FieldCommandAsync(site, "freezes", new
        {
            teamId = site.TeamId,
            occurredAt = JustNow,
            accountHolder = "Chen Ming",
            bank = "ICBC",
            accountNumber = "6222 0000 1111 2222",
            amount = new { amount, currency },
            freezeOrderReference = "FO-2026-001",
        });

    public Task StopPaymentAsync(StaffedSite site, decimal amount, DateTimeOffset? occurredAt = null) =>
        FieldCommandAsync(site, "stop-payments", new
        {
            teamId = site.TeamId,
            occurredAt = occurredAt ?? JustNow,
            accountHolder = "Chen Ming",
            bank = "ICBC",
            accountNumber = "6222 0000 1111 2222",
            amount = new { amount, currency = "CNY" },
            orderReference = "SP-2026-001",
            requestReference = "RQ-2026-001",
        });

    public async Task<CommandReply> FieldCommandAsync(StaffedSite site, string action, object body)
    {
        var reply = await Api.CommandAsync(SitePath(site, action), body);
        LastPosition = reply.Position;
        return reply;
    }

    private async Task<CommandReply> CommandAsync(string action, object body)
    {
        var reply = await Api.CommandAsync($"{OperationPath}/{action}", body);
        LastPosition = reply.Position ?? LastPosition;
        return reply;
    }
}
