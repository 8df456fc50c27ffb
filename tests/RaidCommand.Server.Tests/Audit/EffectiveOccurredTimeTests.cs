using System.Text.Json;
using RaidCommand.Server.Tests.Api;
using RaidCommand.Server.Tests.Custody;
using RaidCommand.Server.Tests.Infrastructure;
using RaidCommand.Server.Tests.Security;
using RaidCommand.Server.Tests.Transfers;

namespace RaidCommand.Server.Tests.Audit;

/// <summary>
/// On the occurred clock an entry counts from when it happened, or from when its site, person or transfer entered the
/// record if that is later: entries stated before the subject they are about are neither shown before it exists nor
/// lost, and at the end the occurred clock shows exactly what the live read models show.
/// </summary>
public sealed class EffectiveOccurredTimeTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    [Fact]
    public async Task Entries_stated_before_the_operation_was_opened_count_from_their_sites_registration_and_the_end_equals_the_live_views()
    {
        // Every field entry of the secured raid is stated a minute back, before the operation was opened.
        var raid = await SecuredRaid.CreateAsync(factory);
        var auditor = raid.Client(Caller.Auditor);
        var opened = (await EntryAsync(raid, "operation-opened")).GetProperty("effectiveOccurredAt").GetDateTimeOffset();
        var arrest = await EntryAsync(raid, "site-arrest-logged");
        var registered = await EntryAsync(raid, "operation-site-registered", $"site={raid.OwnSite.SiteId}");

        Assert.True(arrest.GetProperty("occurredAt").GetDateTimeOffset() < opened);
        Assert.Equal(registered.GetProperty("effectiveOccurredAt").GetDateTimeOffset(), arrest.GetProperty("effectiveOccurredAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, (await auditor.AsOfAsync(BoardPath(raid), opened - AsOfReads.Microsecond, "occurred")).ValueKind);
        Assert.Equal(0, (await auditor.AsOfAsync(RegisterPath(raid), opened - AsOfReads.Microsecond, "occurred")).GetArrayLength());
        await AssertTheEndEqualsTheLiveViewsAsync(raid, raid.LastPosition, raid.PersonId);
    }

    [Fact]
    public async Task Field_entries_stated_before_their_den_was_registered_count_from_its_registration()
    {
        var commander = factory.CreateApiClient(new TestAccount("commander-den", "commander"));
        var raid = await RaidScenario.OpenAsync(commander);
        await Task.Delay(20);
        var happened = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        // The den is registered (and the raid launched) after the moment the team will state for what it did there.
        await raid.AddCityAsync("LZ", "Lanzhou");
        var den = await raid.AddStaffedSiteAsync("LZ", "Chengguan District, Room 808", 6);
        await raid.SetStrikeTimeAsync(RaidScenario.DefaultHHour);
        await raid.ApproveAsync();
        await raid.LaunchAsync();
        await raid.FieldCommandAsync(den, "breach", new { teamId = den.TeamId, occurredAt = happened });
        var person = (await raid.FieldCommandAsync(den, "arrests", new { teamId = den.TeamId, occurredAt = happened, name = "Found in the den" })).CreatedId;
        var (seizureId, freezeId) = (Guid.NewGuid(), Guid.NewGuid());
        await raid.FieldCommandAsync(den, "seizures", new
        {
            teamId = den.TeamId, occurredAt = happened, seizureId, category = "Phone", quantity = 40, description = "Phones", identifiers = Array.Empty<string>(), storageLocation = "Room 2",
        });
        await raid.FieldCommandAsync(den, "freezes", new
        {
            teamId = den.TeamId, occurredAt = happened, freezeId, accountHolder = "Chen Ming", bank = "ICBC", accountNumber = SecuredRaid.AccountNumber,
            amount = new { amount = 50_000m, currency = "CNY" }, freezeOrderReference = "FO-2026-003",
        });
        await raid.StopPaymentAsync(den, 7_000m, happened);
        var corrections = raid.SitePath(den, "corrections");
        await commander.CommandAsync(corrections, new { entry = "seizure", entryId = seizureId, action = "amend", quantity = 38, reason = "Recount" });
        var last = await commander.CommandAsync(corrections, new { entry = "freeze", entryId = freezeId, action = "void", reason = "Wrong account" });

        var opened = (await EntryAsync(commander, raid, "operation-opened")).GetProperty("effectiveOccurredAt").GetDateTimeOffset();
        var registered = (await EntryAsync(commander, raid, "operation-site-registered", $"site={den.SiteId}")).GetProperty("effectiveOccurredAt").GetDateTimeOffset();
        Assert.True(opened < happened && happened < registered);
        var stated = (await TimelineAsync(commander, raid, $"site={den.SiteId}")).Where(e => e.GetProperty("occurredAt").GetDateTimeOffset() < registered).ToList();
        Assert.Equal(6, stated.Count); // breach, arrest and its custody record, seizure, freeze, stop-payment
        Assert.All(stated, e => Assert.Equal(registered, e.GetProperty("effectiveOccurredAt").GetDateTimeOffset()));

        var board = $"{raid.OperationPath}/board";
        var register = $"{raid.OperationPath}/custody";
        var before = await commander.AsOfAsync(board, registered - AsOfReads.Microsecond, "occurred");
        Assert.Empty(before.GetProperty("sites").EnumerateArray());
        Assert.Equal(0, (await commander.AsOfAsync(register, registered - AsOfReads.Microsecond, "occurred")).GetArrayLength());

        var then = await commander.AsOfAsync(board, registered, "occurred");
        var site = then.GetProperty("sites").EnumerateArray().Single();
        Assert.Equal("Breached", site.GetProperty("status").GetString());
        var totals = site.GetProperty("totals");
        Assert.Equal(1, totals.GetProperty("arrests").GetInt32());
        Assert.Equal(40, totals.GetProperty("seizuresByCategory").GetProperty("Phone").GetInt32());
        Assert.Equal(50_000m, totals.GetProperty("frozenByCurrency").GetProperty("CNY").GetDecimal());
        Assert.Equal(7_000m, totals.GetProperty("stopPaymentsByCurrency").GetProperty("CNY").GetDecimal());
        Assert.Equal(["Found in the den"], Names(await commander.AsOfAsync(register, registered, "occurred")));

        await AssertTheEndEqualsTheLiveViewsAsync(commander, raid, last.Position, person);
    }

    [Fact]
    public async Task Custody_steps_stated_before_the_arrest_count_from_the_arrest()
    {
        var raid = await SecuredRaid.CreateAsync(factory);
        var auditor = raid.Client(Caller.Auditor);
        var commander = raid.Client(Caller.Commander);
        var site = raid.OtherSite;
        var person = (await raid.Raid.FieldCommandAsync(site, "arrests", new { teamId = site.TeamId, occurredAt = DateTimeOffset.UtcNow, name = "Wrong phone clock" })).CreatedId;
        var arrested = (await EntryAsync(raid, "custody-person-arrested", $"person={person}")).GetProperty("occurredAt").GetDateTimeOffset();
        // The phone that logs the custody steps runs ten minutes slow.
        var slow = arrested - TimeSpan.FromMinutes(10);
        await commander.CommandAsync(CustodySteps.PersonPath(person, "questioning"), new { questionedBy = "Inspector Sun", location = "On site", occurredAt = slow });
        await commander.CommandAsync(CustodySteps.PersonPath(person, "detention"), new { approvingOfficer = "Deputy Director Ma", facility = "Zhengzhou No. 1", occurredAt = slow.AddSeconds(1) });
        await commander.CommandAsync(CustodySteps.PersonPath(person, "location"), new { facility = "Zhengzhou No. 2", cityCode = "ZZ", occurredAt = slow.AddSeconds(2) });
        await commander.CommandAsync(CustodySteps.PersonPath(person, "corrections"), new { reason = "Approval was for another person" });
        var last = await commander.CommandAsync(CustodySteps.PersonPath(person, "bail"), new { approvedBy = "Deputy Director Ma", conditions = "Report weekly", occurredAt = slow.AddSeconds(3) });

        var record = CustodySteps.PersonPath(person);
        Assert.Equal(JsonValueKind.Null, (await auditor.AsOfAsync(record, arrested - AsOfReads.Microsecond, "occurred")).ValueKind);
        Assert.DoesNotContain("Wrong phone clock", Names(await auditor.AsOfAsync(RegisterPath(raid), arrested - AsOfReads.Microsecond, "occurred")));
        var then = await auditor.AsOfAsync(record, arrested, "occurred");
        Assert.Equal("CriminallyDetained", then.GetProperty("status").GetString());
        Assert.Equal(["Arrested", "Questioned", "CriminallyDetained", "HeldAt"], then.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()));
        var board = await auditor.AsOfAsync(BoardPath(raid), arrested, "occurred");
        var otherSite = board.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("siteId").GetGuid() == site.SiteId);
        Assert.Equal(1, otherSite.GetProperty("totals").GetProperty("criminalDetentions").GetInt32());

        await AssertTheEndEqualsTheLiveViewsAsync(raid, last.Position, person);
    }

    [Fact]
    public async Task Transfer_steps_stated_before_the_plan_count_from_the_plan()
    {
        var raid = await SecuredRaid.CreateAsync(factory);
        var auditor = raid.Client(Caller.Auditor);
        var commander = raid.Client(Caller.Commander);
        var planned = (await EntryAsync(raid, "transfer-planned")).GetProperty("effectiveOccurredAt").GetDateTimeOffset();
        // Each step is stated a minute back (RaidScenario.JustNow), before the transfer was planned a moment ago.
        await commander.BoardAsync(raid.TransferId, [raid.PersonId]);
        await commander.DepartAsync(raid.TransferId, 1);
        await commander.ArriveAsync(raid.TransferId, 1);
        var last = await commander.HandOverAsync(raid.TransferId, 1);

        var steps = await TimelineAsync(raid, "type=transfer-departed&type=transfer-detainees-handed-over");
        Assert.All(steps, s => Assert.True(s.GetProperty("occurredAt").GetDateTimeOffset() < planned));
        Assert.All(steps, s => Assert.Equal(planned, s.GetProperty("effectiveOccurredAt").GetDateTimeOffset()));
        var before = await auditor.AsOfAsync(BoardPath(raid), planned - AsOfReads.Microsecond, "occurred");
        Assert.Empty(before.GetProperty("transfers").EnumerateArray());
        var then = await auditor.AsOfAsync(BoardPath(raid), planned, "occurred");
        Assert.Equal("HandedOver", then.GetProperty("transfers").EnumerateArray().Single().GetProperty("status").GetString());

        await AssertTheEndEqualsTheLiveViewsAsync(raid, last.Position, raid.PersonId);
    }

    private static Task AssertTheEndEqualsTheLiveViewsAsync(SecuredRaid raid, string position, Guid personId) =>
        AssertTheEndEqualsTheLiveViewsAsync(raid.Client(Caller.Auditor), raid.Raid, position, personId);

    /// <summary>At the end of the occurred clock (now) the board, the register and the person's record are exactly the live ones.</summary>
    private static async Task AssertTheEndEqualsTheLiveViewsAsync(ApiClient reader, RaidScenario raid, string position, Guid personId)
    {
        foreach (var path in new[] { $"{raid.OperationPath}/board", $"{raid.OperationPath}/custody", CustodySteps.PersonPath(personId) })
        {
            var live = await reader.LiveAsync(path, position);
            var end = await reader.AsOfAsync(path, DateTimeOffset.UtcNow, "occurred");
            Assert.Equal(AsOfReads.Normalized(live), AsOfReads.Normalized(end));
        }
    }

    private static string BoardPath(SecuredRaid raid) => $"{raid.Raid.OperationPath}/board";

    private static string RegisterPath(SecuredRaid raid) => $"{raid.Raid.OperationPath}/custody";

    private static IEnumerable<string?> Names(JsonElement register) => register.EnumerateArray().Select(p => p.GetProperty("name").GetString());

    private static Task<List<JsonElement>> TimelineAsync(SecuredRaid raid, string filter) => TimelineAsync(raid.Client(Caller.Auditor), raid.Raid, filter);

    private static async Task<List<JsonElement>> TimelineAsync(ApiClient reader, RaidScenario raid, string filter) =>
        [.. (await reader.GetJsonAsync($"{raid.OperationPath}/timeline?limit=5000&{filter}")).GetProperty("entries").EnumerateArray()];

    private static Task<JsonElement> EntryAsync(SecuredRaid raid, string type, string filter = "") => EntryAsync(raid.Client(Caller.Auditor), raid.Raid, type, filter);

    private static async Task<JsonElement> EntryAsync(ApiClient reader, RaidScenario raid, string type, string filter = "") =>
        (await TimelineAsync(reader, raid, $"type={type}&{filter}")).Single();
}
