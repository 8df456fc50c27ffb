using System.Net;
using System.Text.Json;
using RaidCommand.Server.Tests.Api;
using RaidCommand.Server.Tests.Custody;
using RaidCommand.Server.Tests.Infrastructure;
using static RaidCommand.Server.Tests.Transfers.TransferSteps;

namespace RaidCommand.Server.Tests.Transfers;

public sealed class TransferApiTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    private readonly ApiClient _api = factory.CreateApiClient();

    /// <summary>A launched LZ + ZZ raid with <paramref name="count"/> persons arrested and criminally detained in Zhengzhou.</summary>
    private async Task<(RaidScenario Raid, StaffedSite Zhengzhou, Guid[] Detained)> DetainedInZhengzhouAsync(int count)
    {
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(_api);
        var zhengzhou = raid.Sites.Single(s => s.CityCode == "ZZ");
        var detained = new Guid[count];
        for (var i = 0; i < count; i++)
        {
            detained[i] = await raid.ArrestAsync(zhengzhou, $"Suspect {i + 1}");
            await _api.QuestionAndDetainAsync(detained[i]);
        }

        return (raid, zhengzhou, detained);
    }

    [Fact]
    public async Task A_transfer_runs_from_plan_to_hand_over_and_moves_every_person_to_the_destination()
    {
        var (raid, zhengzhou, detained) = await DetainedInZhengzhouAsync(3);
        var transferId = await raid.PlanTransferAsync("ZZ", "LZ", zhengzhou.TeamId, detained);

        var boarded = await _api.BoardAsync(transferId, detained);
        await _api.DepartAsync(transferId, 3);
        await _api.CheckpointAsync(transferId, "Xi'an Xianyang Airport", 3);
        await _api.ArriveAsync(transferId, 3);
        var handedOver = await _api.HandOverAsync(transferId, 3);

        var transfer = await _api.GetJsonAsync($"{TransferPath(transferId)}?after={handedOver.Position}");
        Assert.Equal("HandedOver", transfer.GetProperty("status").GetString());
        var headcounts = transfer.GetProperty("headcounts");
        Assert.Equal(3, headcounts.GetProperty("manifest").GetInt32());
        Assert.Equal(3, headcounts.GetProperty("boarded").GetInt32());
        Assert.Equal(3, headcounts.GetProperty("departure").GetInt32());
        Assert.Equal(3, headcounts.GetProperty("checkpoints")[0].GetInt32());
        Assert.Equal(3, headcounts.GetProperty("arrival").GetInt32());
        Assert.Equal(3, headcounts.GetProperty("handOver").GetInt32());
        Assert.Equal(0, transfer.GetProperty("alerts").GetArrayLength());
        Assert.Equal(_api.Account.UserName, transfer.GetProperty("plannedBy").GetString());

        // The boarding wrote to every person's custody stream in the same append as the transfer's.
        Assert.Equal(1 + detained.Length, boarded.Outcome.GetProperty("streams").GetArrayLength());
        foreach (var personId in detained)
        {
            var record = await _api.CustodyRecordAsync(personId, handedOver.Position);
            Assert.Equal("CriminallyDetained", record.GetProperty("status").GetString());
            Assert.Equal("LZ", record.GetProperty("location").GetProperty("cityCode").GetString());
            Assert.Equal("Lanzhou Detention Centre", record.GetProperty("location").GetProperty("facility").GetString());
            var leg = Assert.Single(record.GetProperty("transfers").EnumerateArray());
            Assert.Equal(transferId, leg.GetProperty("transferId").GetGuid());
            Assert.Equal("ZZ", leg.GetProperty("originCity").GetString());
            Assert.Equal("LZ", leg.GetProperty("destinationCity").GetString());
        }
    }

    [Fact]
    public async Task Headcount_mismatches_are_recorded_as_counted_and_raise_alerts_without_refusing_the_step()
    {
        var (raid, zhengzhou, detained) = await DetainedInZhengzhouAsync(3);
        var transferId = await raid.PlanTransferAsync("ZZ", "LZ", zhengzhou.TeamId, detained);
        await _api.BoardAsync(transferId, detained[..2]);

        var departed = await _api.DepartAsync(transferId, 1);
        var checkpoint = await _api.CheckpointAsync(transferId, "Service area", 2);

        Assert.Equal(HttpStatusCode.OK, departed.Status);
        var transfer = await _api.GetJsonAsync($"{TransferPath(transferId)}?after={checkpoint.Position}");
        Assert.Equal(1, transfer.GetProperty("headcounts").GetProperty("departure").GetInt32());
        var alerts = transfer.GetProperty("alerts").EnumerateArray()
            .Select(a => (a.GetProperty("stage").GetString(), a.GetProperty("expected").GetInt32(), a.GetProperty("actual").GetInt32()))
            .ToList();
        Assert.Equal([("Boarding", 3, 2), ("Departure", 2, 1)], alerts);
    }

    [Fact]
    public async Task Short_counts_on_arrival_and_at_hand_over_raise_alerts_and_the_transfer_still_completes()
    {
        var (raid, zhengzhou, detained) = await DetainedInZhengzhouAsync(2);
        var transferId = await raid.PlanTransferAsync("ZZ", "LZ", zhengzhou.TeamId, detained);
        await _api.BoardAsync(transferId, detained);
        await _api.DepartAsync(transferId, 2);

        await _api.ArriveAsync(transferId, 1);
        var handedOver = await _api.HandOverAsync(transferId, 1);

        var transfer = await _api.GetJsonAsync($"{TransferPath(transferId)}?after={handedOver.Position}");
        Assert.Equal("HandedOver", transfer.GetProperty("status").GetString());
        var stages = transfer.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("stage").GetString()).ToList();
        Assert.Equal(["Arrival", "HandOver"], stages);
        var board = await _api.GetJsonAsync($"{raid.OperationPath}/board?after={handedOver.Position}");
        Assert.Equal(2, Assert.Single(board.GetProperty("transfers").EnumerateArray()).GetProperty("alerts").GetArrayLength());
    }

    [Fact]
    public async Task A_manifest_with_a_bailed_person_or_a_person_in_another_city_is_a_422_listing_their_ids()
    {
        var (raid, zhengzhou, detained) = await DetainedInZhengzhouAsync(1);
        var bailed = await raid.ArrestAsync(zhengzhou, "Bailed Suspect");
        await _api.QuestionAsync(bailed);
        await _api.BailAsync(bailed);
        var inLanzhou = await raid.ArrestAsync(raid.Sites.Single(s => s.CityCode == "LZ"), "Lanzhou Suspect");
        await _api.QuestionAndDetainAsync(inLanzhou, "Lanzhou Detention Centre");
        var unknown = Guid.NewGuid();

        var problem = await _api.AssertRefusedAsync(factory.Database.DataSource, HttpStatusCode.UnprocessableEntity, $"{raid.OperationPath}/transfers",
            PlanBody("ZZ", "LZ", zhengzhou.TeamId, [detained[0], bailed, inLanzhou, unknown]), "transfer.ineligible-persons");

        var subjects = problem.GetProperty("subjects").EnumerateArray().Select(s => Guid.Parse(s.GetString()!)).ToHashSet();
        Assert.Equal([bailed, inLanzhou, unknown], subjects);
    }

    [Fact]
    public async Task Planning_is_refused_for_an_unknown_operation_an_unknown_escort_team_or_the_same_city()
    {
        var (raid, zhengzhou, detained) = await DetainedInZhengzhouAsync(1);
        var database = factory.Database.DataSource;

        await _api.AssertRefusedAsync(database, HttpStatusCode.Forbidden, $"/api/operations/{Guid.NewGuid()}/transfers", PlanBody("ZZ", "LZ", zhengzhou.TeamId, detained));
        await _api.AssertRefusedAsync(database, HttpStatusCode.UnprocessableEntity, $"{raid.OperationPath}/transfers",
            PlanBody("ZZ", "LZ", Guid.NewGuid(), detained), "transfer.unknown-escort-team");
        await _api.AssertRefusedAsync(database, HttpStatusCode.UnprocessableEntity, $"{raid.OperationPath}/transfers",
            PlanBody("ZZ", "ZZ", zhengzhou.TeamId, detained), "transfer.same-city");
        await _api.AssertRefusedAsync(database, HttpStatusCode.UnprocessableEntity, $"{raid.OperationPath}/transfers",
            PlanBody("ZZ", "LZ", zhengzhou.TeamId, []), "transfer.empty-manifest");
    }

    [Theory]
    [InlineData("{\"originCity\": \"ZZ\", \"destinationCity\": \"LZ\", \"mode\": \"Teleport\", \"vehicleOrFlight\": \"X\", \"escortTeamId\": \"00000000-0000-0000-0000-000000000001\", \"manifest\": []}")]
    [InlineData("{\"originCity\": \"ZZ\", \"manifest\": [\"not-a-guid\"]}")]
    [InlineData("{\"originCity\": ")]
    public async Task Unreadable_plans_are_400s_that_write_nothing(string json)
    {
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(_api);

        await _api.AssertRefusedJsonAsync(factory.Database.DataSource, HttpStatusCode.BadRequest, $"{raid.OperationPath}/transfers", json);
    }

    [Fact]
    public async Task Steps_out_of_order_are_409s_that_write_nothing()
    {
        var (raid, zhengzhou, detained) = await DetainedInZhengzhouAsync(2);
        var transferId = await raid.PlanTransferAsync("ZZ", "LZ", zhengzhou.TeamId, detained);
        var database = factory.Database.DataSource;

        await _api.AssertRefusedAsync(database, HttpStatusCode.Conflict, TransferPath(transferId, "depart"),
            new { headcount = 2, occurredAt = RaidScenario.JustNow }, "transfer.nobody-boarded");
        await _api.AssertRefusedAsync(database, HttpStatusCode.Conflict, TransferPath(transferId, "arrive"),
            new { headcount = 2, occurredAt = RaidScenario.JustNow }, "transfer.not-departed");
        await _api.AssertRefusedAsync(database, HttpStatusCode.Conflict, TransferPath(transferId, "handover"),
            new { receivingFacility = "LZ", receivingOfficer = "Gao", headcount = 2, occurredAt = RaidScenario.JustNow }, "transfer.not-arrived");
        await _api.BoardAsync(transferId, detained);
        await _api.DepartAsync(transferId, 2);
        await _api.AssertRefusedAsync(database, HttpStatusCode.Conflict, TransferPath(transferId, "board"),
            new { personIds = detained, occurredAt = RaidScenario.JustNow }, "transfer.already-departed");
        await _api.AssertRefusedAsync(database, HttpStatusCode.UnprocessableEntity, TransferPath(transferId, "checkpoints"),
            new { place = "Somewhere", headcount = -1, occurredAt = RaidScenario.JustNow }, "transfer.invalid-headcount");
    }

    [Fact]
    public async Task Boarding_refuses_persons_off_the_manifest_and_persons_no_longer_eligible()
    {
        var (raid, zhengzhou, detained) = await DetainedInZhengzhouAsync(2);
        var transferId = await raid.PlanTransferAsync("ZZ", "LZ", zhengzhou.TeamId, detained);
        var database = factory.Database.DataSource;
        var stranger = Guid.NewGuid();

        var offManifest = await _api.AssertRefusedAsync(database, HttpStatusCode.UnprocessableEntity, TransferPath(transferId, "board"),
            new { personIds = new[] { detained[0], stranger }, occurredAt = RaidScenario.JustNow }, "transfer.not-on-manifest");
        Assert.Equal(stranger.ToString(), Assert.Single(offManifest.GetProperty("subjects").EnumerateArray()).GetString());

        // The detention is corrected after planning: the plan held no lock on custody, boarding re-checks it.
        await _api.CommandAsync(CustodySteps.PersonPath(detained[1], "corrections"), new { reason = "Wrong person" });
        var noLonger = await _api.AssertRefusedAsync(database, HttpStatusCode.Conflict, TransferPath(transferId, "board"),
            new { personIds = detained, occurredAt = RaidScenario.JustNow }, "transfer.person-no-longer-eligible");
        Assert.Equal(detained[1].ToString(), Assert.Single(noLonger.GetProperty("subjects").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task A_person_on_a_transfer_cannot_be_decided_or_moved_until_the_hand_over()
    {
        var (raid, zhengzhou, detained) = await DetainedInZhengzhouAsync(1);
        var transferId = await raid.PlanTransferAsync("ZZ", "LZ", zhengzhou.TeamId, detained);
        var boarded = await _api.BoardAsync(transferId, detained);

        await _api.AssertRefusedAsync(factory.Database.DataSource, HttpStatusCode.Conflict, CustodySteps.PersonPath(detained[0], "corrections"),
            new { reason = "Wrong person" }, "custody.in-transfer");
        await _api.AssertRefusedAsync(factory.Database.DataSource, HttpStatusCode.Conflict, CustodySteps.PersonPath(detained[0], "location"),
            new { facility = "Elsewhere", cityCode = "ZZ", occurredAt = RaidScenario.JustNow }, "custody.in-transfer");
        var record = await _api.CustodyRecordAsync(detained[0], boarded.Position);
        Assert.Equal("InTransfer", record.GetProperty("status").GetString());
        Assert.Equal(transferId, record.GetProperty("activeTransferId").GetGuid());
        Assert.Equal(JsonValueKind.Null, record.GetProperty("location").GetProperty("facility").ValueKind);
    }

    [Fact]
    public async Task A_retried_step_returns_the_original_outcome_and_writes_nothing()
    {
        var (raid, zhengzhou, detained) = await DetainedInZhengzhouAsync(2);
        var transferId = await raid.PlanTransferAsync("ZZ", "LZ", zhengzhou.TeamId, detained);
        var key = Guid.NewGuid();
        var body = new { personIds = detained, occurredAt = RaidScenario.JustNow };
        var first = await _api.CommandAsync(TransferPath(transferId, "board"), body, key);
        var before = await EventCount.InAsync(factory.Database.DataSource);

        var retry = await _api.CommandAsync(TransferPath(transferId, "board"), body, key);

        Assert.True(retry.Replayed);
        Assert.Equal(first.Position, retry.Position);
        Assert.Equal(before, await EventCount.InAsync(factory.Database.DataSource));
    }

    [Fact]
    public async Task An_unknown_transfer_is_refused_for_steps_and_reads_like_one_of_another_operation()
    {
        var unknown = Guid.NewGuid();

        await _api.AssertRefusedAsync(factory.Database.DataSource, HttpStatusCode.Forbidden, TransferPath(unknown, "depart"),
            new { headcount = 1, occurredAt = RaidScenario.JustNow });
        using var read = await _api.Http.GetAsync(new Uri(TransferPath(unknown), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
    }
}
