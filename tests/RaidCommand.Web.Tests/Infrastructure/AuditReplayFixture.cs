using System.Globalization;
using RaidCommand.Server.Demo;

namespace RaidCommand.Web.Tests.Infrastructure;

/// <summary>
/// A web test server whose late-entry threshold is seconds instead of half an hour, so that an entry can be logged
/// late without the test waiting that long; and one raid played through the API for auditors to replay, set up once
/// for the test class (the audit tests only read it).
/// </summary>
public sealed class AuditReplayFixture : WebTestFixture
{
    public static readonly TimeSpan LateEntryThreshold = TimeSpan.FromSeconds(3);

    public const string AuditorUserName = "web.auditor";
    public const string AuditorPassword = "auditor-Pa55word-web";
    public const string OfficerDevice = "officer-phone-7";

    private readonly Lazy<Task<AuditedRaid>> _raid;

    public AuditReplayFixture()
        : base(new Dictionary<string, string> { ["Audit:LateEntryThreshold"] = LateEntryThreshold.ToString("c", CultureInfo.InvariantCulture) }) =>
        _raid = new Lazy<Task<AuditedRaid>>(PlayRaidAsync);

    public Task<AuditedRaid> RaidAsync() => _raid.Value;

    /// <summary>
    /// A field officer breaches the first den and logs two arrests a moment apart; the second den's officer logs a third
    /// that happened with the first but later than the threshold (on the second den, whose log has nothing later, so on
    /// the occurred clock it counts from when it happened); the commander detains the first person and then voids that
    /// decision; an auditor is put on the operation.
    /// </summary>
    private async Task<AuditedRaid> PlayRaidAsync()
    {
        var raid = await LaunchedRaidAsync("audit");
        var site = raid.FirstSite;
        var officer = await Server.Anonymous.SignInAsync(site.OfficerUserName, DemoRaid.OfficerPassword, OfficerDevice);
        await officer.CommandAsync(raid.Operation.SitePath(site, "breach"), new { teamId = site.TeamId, occurredAt = DateTimeOffset.UtcNow });

        var firstPerson = Guid.NewGuid();
        var firstHappened = DateTimeOffset.UtcNow;
        await officer.CommandAsync(raid.Operation.SitePath(site, "arrests"), new { teamId = site.TeamId, occurredAt = firstHappened, personId = firstPerson, name = "张三" });
        var firstRecorded = (await raid.Commander.GetAsync($"{raid.Operation.Path}/timeline?type=site-arrest-logged")).GetProperty("entries")[0].GetProperty("recordedAt").GetDateTimeOffset();

        // The second arrest is stated and recorded a clear 50 ms after the first was recorded, so an instant 25 ms
        // after it lies between them on both clocks.
        await ClockPassesAsync(firstRecorded.AddMilliseconds(50));
        await officer.CommandAsync(raid.Operation.SitePath(site, "arrests"), new { teamId = site.TeamId, occurredAt = DateTimeOffset.UtcNow, name = "李四" });

        // Logged once the threshold has passed since it happened (with the first), so it is a late entry.
        await ClockPassesAsync(firstHappened + LateEntryThreshold + TimeSpan.FromMilliseconds(500));
        var otherSite = raid.Operation.Sites[1];
        var otherOfficer = await Server.Anonymous.SignInAsync(otherSite.OfficerUserName, DemoRaid.OfficerPassword, OfficerDevice);
        await otherOfficer.CommandAsync(raid.Operation.SitePath(otherSite, "arrests"), new { teamId = otherSite.TeamId, occurredAt = firstHappened, name = "王五" });

        await raid.Commander.CommandAsync($"/api/persons/{firstPerson}/questioning", new { questionedBy = "王强", location = "郑州市公安局", occurredAt = DateTimeOffset.UtcNow });
        await raid.Commander.CommandAsync($"/api/persons/{firstPerson}/detention", new { approvingOfficer = "王强", facility = "郑州市看守所", occurredAt = DateTimeOffset.UtcNow });
        await raid.Commander.CommandAsync($"/api/persons/{firstPerson}/corrections", new { reason = "Detention approved for the wrong person" });

        var admin = await Server.AdministratorAsync();
        var auditorId = await admin.EnsureAccountAsync(AuditorUserName, "审计 Auditor", AuditorPassword, "auditor");
        await raid.Commander.CommandAsync($"{raid.Operation.Path}/members", new { userId = auditorId, capacity = "auditor" });

        var between = firstRecorded.AddMilliseconds(25);
        return new AuditedRaid(raid, site.OfficerUserName, firstPerson, new DateTimeOffset(between.UtcTicks - (between.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero));
    }

    /// <summary>Waits for the wall clock itself: what is waited for is time having passed, not another party.</summary>
    private static async Task ClockPassesAsync(DateTimeOffset instant)
    {
        var remaining = instant - DateTimeOffset.UtcNow;
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining);
        }
    }
}

/// <param name="OfficerUserName">The field officer who logged the arrests.</param>
/// <param name="DetainedPersonId">The first person arrested, whose detention was voided by a correction.</param>
/// <param name="BetweenFirstAndSecondArrest">A millisecond instant after the first arrest was recorded and before the second happened.</param>
public sealed record AuditedRaid(LaunchedRaid Launched, string OfficerUserName, Guid DetainedPersonId, DateTimeOffset BetweenFirstAndSecondArrest)
{
    public string AuditPath => $"/audit?operation={Launched.Operation.OperationId}";
}
