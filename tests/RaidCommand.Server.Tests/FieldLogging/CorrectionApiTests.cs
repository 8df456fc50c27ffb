using System.Net;
using System.Text.Json;
using RaidCommand.Server.Tests.Api;
using RaidCommand.Server.Tests.Infrastructure;
using RaidCommand.Server.Tests.Security;

namespace RaidCommand.Server.Tests.FieldLogging;

/// <summary>A logged seizure, freeze or stop-payment is voided or amended by a new event; originals stay, the board and registers count the corrected values.</summary>
public sealed class CorrectionApiTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    [Fact]
    public async Task A_recounted_seizure_and_a_voided_freeze_show_corrected_on_the_board_and_registers_and_linked_in_the_timeline()
    {
        var raid = await SecuredRaid.CreateAsync(factory);
        var commander = raid.Client(Caller.Commander);
        var site = raid.OwnSite;
        var seizureId = Guid.NewGuid();
        await raid.Raid.FieldCommandAsync(site, "seizures", new
        {
            teamId = site.TeamId, occurredAt = RaidScenario.JustNow, seizureId, category = "Phone", quantity = 40, description = "Phones", storageLocation = "Room 2",
        });
        var funds = await commander.GetJsonAsync($"{raid.Raid.OperationPath}/funds?after={raid.Raid.LastPosition}");
        var freezeId = funds.GetProperty("freezes")[0].GetProperty("id").GetGuid();
        var corrections = raid.Raid.SitePath(site, "corrections");

        await commander.CommandAsync(corrections, new { entry = "seizure", entryId = seizureId, action = "amend", quantity = 38, reason = "Recount at the evidence room" });
        var voided = await commander.CommandAsync(corrections, new { entry = "freeze", entryId = freezeId, action = "void", reason = "Order issued for the wrong account" });

        var board = await commander.GetJsonAsync($"{raid.Raid.OperationPath}/board?after={voided.Position}");
        Assert.Equal(38, board.GetProperty("totals").GetProperty("seizuresByCategory").GetProperty("Phone").GetInt32());
        Assert.Equal(0m, board.GetProperty("totals").GetProperty("frozenByCurrency").GetProperty("CNY").GetDecimal());
        var seizures = await commander.GetJsonAsync($"{raid.Raid.OperationPath}/seizures?after={voided.Position}");
        var seizure = seizures.GetProperty("seizures").EnumerateArray().Single(s => s.GetProperty("seizureId").GetGuid() == seizureId);
        Assert.Equal(38, seizure.GetProperty("quantity").GetInt32());
        Assert.Equal(40, seizure.GetProperty("correction").GetProperty("loggedQuantity").GetInt32());
        var register = await commander.GetJsonAsync($"{raid.Raid.OperationPath}/funds?after={voided.Position}");
        Assert.True(register.GetProperty("freezes")[0].GetProperty("correction").GetProperty("voided").GetBoolean());
        Assert.False(register.GetProperty("frozenByCurrency").TryGetProperty("CNY", out _));

        var timeline = (await raid.Client(Caller.Auditor).GetJsonAsync($"{raid.Raid.OperationPath}/timeline?type=site-asset-frozen&type=site-freeze-voided")).GetProperty("entries");
        var (frozen, voiding) = (timeline[0], timeline[1]);
        Assert.Equal(frozen.GetProperty("eventId").GetGuid(), voiding.GetProperty("corrects").GetGuid());
        Assert.Equal(voiding.GetProperty("eventId").GetGuid(), frozen.GetProperty("correctedBy").GetGuid());
        Assert.Contains("wrong account", voiding.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("commander-a", voiding.GetProperty("actorName").GetString());
    }

    [Fact]
    public async Task Corrections_are_refused_without_a_reason_for_unknown_entries_or_twice_and_write_nothing()
    {
        var raid = await SecuredRaid.CreateAsync(factory);
        var commander = raid.Client(Caller.Commander);
        var corrections = raid.Raid.SitePath(raid.OwnSite, "corrections");
        var funds = await commander.GetJsonAsync($"{raid.Raid.OperationPath}/funds?after={raid.LastPosition}");
        var freezeId = funds.GetProperty("freezes")[0].GetProperty("id").GetGuid();
        var database = factory.Database.DataSource;

        await Refusal.AssertAsync(database, () => commander.PostAsync(corrections, new { entry = "freeze", entryId = freezeId, action = "void", reason = " " }), HttpStatusCode.UnprocessableEntity, "correction.reason-required");
        await Refusal.AssertAsync(database, () => commander.PostAsync(corrections, new { entry = "freeze", entryId = Guid.NewGuid(), action = "void", reason = "x" }), HttpStatusCode.UnprocessableEntity, "correction.unknown-entry");
        await Refusal.AssertAsync(database, () => commander.PostAsync(corrections, new { entry = "arrest", entryId = freezeId, action = "delete", reason = "x" }), HttpStatusCode.BadRequest);
        await commander.CommandAsync(corrections, new { entry = "freeze", entryId = freezeId, action = "void", reason = "Wrong account" });
        await Refusal.AssertAsync(database, () => commander.PostAsync(corrections, new { entry = "freeze", entryId = freezeId, action = "void", reason = "Again" }), HttpStatusCode.Conflict, "correction.already-voided");
    }
}
