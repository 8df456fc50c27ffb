using System.Net;
using System.Text.Json;
using RaidCommand.Server.Tests.Api;
using RaidCommand.Server.Tests.Infrastructure;
using static RaidCommand.Server.Tests.Custody.CustodySteps;

namespace RaidCommand.Server.Tests.Custody;

public sealed class CustodyApiTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    private readonly ApiClient _api = factory.CreateApiClient();

    private async Task<(RaidScenario Raid, Guid PersonId)> ArrestedPersonAsync(string name = "Chen Ming")
    {
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(_api);
        var zhengzhou = raid.Sites.Single(s => s.CityCode == "ZZ");
        return (raid, await raid.ArrestAsync(zhengzhou, name));
    }

    [Fact]
    public async Task A_questioned_person_is_detained_and_the_record_shows_status_location_and_history()
    {
        var (_, personId) = await ArrestedPersonAsync();

        await _api.QuestionAsync(personId);
        var detained = await _api.DetainAsync(personId, "Zhengzhou No. 1 Detention Centre");

        Assert.Equal(HttpStatusCode.OK, detained.Status);
        var record = await _api.CustodyRecordAsync(personId, detained.Position);
        Assert.Equal("CriminallyDetained", record.GetProperty("status").GetString());
        Assert.Equal("CriminallyDetained", record.GetProperty("decision").GetString());
        Assert.Equal("ZZ", record.GetProperty("location").GetProperty("cityCode").GetString());
        Assert.Equal("Zhengzhou No. 1 Detention Centre", record.GetProperty("location").GetProperty("facility").GetString());
        Assert.Equal(["Arrested", "Questioned", "CriminallyDetained"], Kinds(record));
        var detention = record.GetProperty("history")[2];
        Assert.Equal("Deputy Director Ma", detention.GetProperty("by").GetString());
        Assert.Equal((await _api.UserIdAsync()).ToString(), detention.GetProperty("actorId").GetString());
        Assert.Equal(3, record.GetProperty("streamVersion").GetInt64());
    }

    [Fact]
    public async Task The_custody_register_lists_every_person_of_the_operation_with_status_and_location()
    {
        var (raid, first) = await ArrestedPersonAsync();
        var second = await raid.ArrestAsync(raid.Sites.Single(s => s.CityCode == "LZ"), "Li Hua");
        await _api.QuestionAsync(first);
        var bailed = await _api.BailAsync(first);
        var moved = await _api.CommandAsync(PersonPath(second, "location"), new { facility = "Lanzhou Holding Room 2", cityCode = "LZ", occurredAt = RaidScenario.JustNow });

        var register = await _api.GetJsonAsync($"{raid.OperationPath}/custody?after={moved.Position}");

        Assert.Equal(2, register.GetArrayLength());
        var lines = register.EnumerateArray().ToDictionary(l => l.GetProperty("personId").GetGuid());
        Assert.Equal("BailedPendingTrial", lines[first].GetProperty("status").GetString());
        Assert.Equal("AwaitingQuestioning", lines[second].GetProperty("status").GetString());
        Assert.Equal("Lanzhou Holding Room 2", lines[second].GetProperty("location").GetProperty("facility").GetString());
        Assert.NotNull(bailed.Position);
    }

    [Fact]
    public async Task Release_and_hand_over_to_another_jurisdiction_are_decisions_with_their_reasons()
    {
        var (raid, released) = await ArrestedPersonAsync();
        var handedOver = await raid.ArrestAsync(raid.Sites[0], "Zhou Lei");
        await _api.QuestionAsync(released);
        await _api.QuestionAsync(handedOver);

        await _api.ReleaseAsync(released);
        var reply = await _api.CommandAsync(PersonPath(handedOver, "jurisdiction-handover"),
            new { jurisdiction = "Xi'an PSB", receivingOfficer = "Officer Qin", occurredAt = RaidScenario.JustNow });

        var releasedRecord = await _api.CustodyRecordAsync(released, reply.Position);
        Assert.Equal("Released", releasedRecord.GetProperty("status").GetString());
        Assert.Equal("Not involved", releasedRecord.GetProperty("history")[2].GetProperty("detail").GetString());
        var handedOverRecord = await _api.CustodyRecordAsync(handedOver, reply.Position);
        Assert.Equal("HandedOverToJurisdiction", handedOverRecord.GetProperty("status").GetString());
        Assert.Equal("Xi'an PSB", handedOverRecord.GetProperty("history")[2].GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_correction_voids_the_decision_names_the_corrector_and_lets_a_new_decision_follow()
    {
        var (_, personId) = await ArrestedPersonAsync();
        await _api.QuestionAndDetainAsync(personId);

        await _api.CommandAsync(PersonPath(personId, "corrections"), new { reason = "Detention approved for the wrong person" });
        var bailed = await _api.BailAsync(personId);

        var record = await _api.CustodyRecordAsync(personId, bailed.Position);
        Assert.Equal("BailedPendingTrial", record.GetProperty("status").GetString());
        Assert.Equal(["Arrested", "Questioned", "CriminallyDetained", "DecisionCorrected", "BailedPendingTrial"], Kinds(record));
        var history = record.GetProperty("history");
        Assert.True(history[2].GetProperty("voided").GetBoolean());
        Assert.Equal("Detention approved for the wrong person", history[3].GetProperty("detail").GetString());
        Assert.Equal(_api.Account.UserName, history[3].GetProperty("by").GetString());
        Assert.Equal("CriminallyDetained", history[3].GetProperty("voidedDecision").GetString());
        Assert.False(history[4].GetProperty("voided").GetBoolean());
    }

    [Fact]
    public async Task A_retried_command_returns_the_original_outcome_and_writes_nothing()
    {
        var (_, personId) = await ArrestedPersonAsync();
        var key = Guid.NewGuid();
        var body = new { questionedBy = "Inspector Sun", location = "On site", occurredAt = RaidScenario.JustNow };
        var first = await _api.CommandAsync(PersonPath(personId, "questioning"), body, key);
        var before = await EventCount.InAsync(factory.Database.DataSource);

        var retry = await _api.CommandAsync(PersonPath(personId, "questioning"), body, key);

        Assert.False(first.Replayed);
        Assert.True(retry.Replayed);
        Assert.Equal(first.Position, retry.Position);
        Assert.Equal(first.ETag, retry.ETag);
        Assert.Equal(before, await EventCount.InAsync(factory.Database.DataSource));
    }

    [Fact]
    public async Task A_stale_if_match_is_a_412_that_writes_nothing()
    {
        var (_, personId) = await ArrestedPersonAsync();
        var questioned = await _api.QuestionAsync(personId);
        var before = await EventCount.InAsync(factory.Database.DataSource);

        using var response = await _api.PostAsync(PersonPath(personId, "detention"),
            new { approvingOfficer = "Deputy Director Ma", facility = "ZZ No. 1", occurredAt = RaidScenario.JustNow }, ifMatch: "\"1\"");

        Assert.Equal("\"2\"", questioned.ETag?.Tag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(before, await EventCount.InAsync(factory.Database.DataSource));
    }

    [Fact]
    public async Task Detention_before_questioning_is_a_409_that_writes_nothing()
    {
        var (_, personId) = await ArrestedPersonAsync();

        await _api.AssertRefusedAsync(factory.Database.DataSource, HttpStatusCode.Conflict, PersonPath(personId, "detention"),
            new { approvingOfficer = "Deputy Director Ma", facility = "ZZ No. 1", occurredAt = RaidScenario.JustNow }, "custody.not-questioned");
    }

    [Fact]
    public async Task A_second_decision_and_a_correction_without_a_decision_are_409s()
    {
        var (_, personId) = await ArrestedPersonAsync();
        await _api.QuestionAsync(personId);

        await _api.AssertRefusedAsync(factory.Database.DataSource, HttpStatusCode.Conflict, PersonPath(personId, "corrections"),
            new { reason = "Nothing to correct" }, "custody.no-decision");
        await _api.DetainAsync(personId);
        await _api.AssertRefusedAsync(factory.Database.DataSource, HttpStatusCode.Conflict, PersonPath(personId, "bail"),
            new { approvedBy = "Ma", occurredAt = RaidScenario.JustNow }, "custody.decision-already-made");
    }

    [Fact]
    public async Task Missing_fields_are_422s_with_the_domain_code()
    {
        var (_, personId) = await ArrestedPersonAsync();
        await _api.QuestionAsync(personId);

        await _api.AssertRefusedAsync(factory.Database.DataSource, HttpStatusCode.UnprocessableEntity, PersonPath(personId, "detention"),
            new { approvingOfficer = " ", facility = "ZZ No. 1", occurredAt = RaidScenario.JustNow }, "custody.approving-officer-required");
        await _api.AssertRefusedAsync(factory.Database.DataSource, HttpStatusCode.UnprocessableEntity, PersonPath(personId, "corrections"),
            new { reason = "" }, "custody.reason-required");
        await _api.AssertRefusedAsync(factory.Database.DataSource, HttpStatusCode.UnprocessableEntity, PersonPath(personId, "questioning"),
            new { questionedBy = "Sun", location = "On site", occurredAt = DateTimeOffset.UtcNow.AddHours(1) }, "time.occurred-at-in-future");
    }

    [Theory]
    [InlineData("questioning", "{\"questionedBy\": ")]
    [InlineData("detention", "{\"approvingOfficer\": 42, \"facility\": \"ZZ\", \"occurredAt\": \"2026-05-26T04:30:00+08:00\"}")]
    [InlineData("location", "{\"facility\": \"ZZ\", \"cityCode\": \"ZZ\", \"occurredAt\": \"yesterday\"}")]
    [InlineData("release", "{\"releasedBy\": \"Sun\", \"reason\": \"Not involved\"}")]
    public async Task Unreadable_bodies_are_400s_that_write_nothing(string action, string json)
    {
        var (_, personId) = await ArrestedPersonAsync();

        await _api.AssertRefusedJsonAsync(factory.Database.DataSource, HttpStatusCode.BadRequest, PersonPath(personId, action), json);
    }

    [Fact]
    public async Task A_command_without_an_idempotency_key_is_a_400()
    {
        var (_, personId) = await ArrestedPersonAsync();

        using var response = await _api.PostJsonAsync(PersonPath(personId, "questioning"), "{\"questionedBy\":\"Sun\",\"location\":\"x\"}", idempotencyKey: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_person_is_refused_for_commands_and_reads_like_one_of_another_operation()
    {
        var unknown = Guid.NewGuid();

        await _api.AssertRefusedAsync(factory.Database.DataSource, HttpStatusCode.Forbidden, PersonPath(unknown, "questioning"),
            new { questionedBy = "Sun", location = "On site", occurredAt = RaidScenario.JustNow });
        using var read = await _api.Http.GetAsync(new Uri(PersonPath(unknown), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal("application/problem+json", read.Content.Headers.ContentType?.MediaType);
    }

    private static string[] Kinds(JsonElement record) =>
        [.. record.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("kind").GetString()!)];
}
