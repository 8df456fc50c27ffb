using System.Net;
using System.Text.Json;
using RaidCommand.Server.Tests.Api;
using RaidCommand.Server.Tests.Infrastructure;

namespace RaidCommand.Server.Tests.Operations;

public sealed class OperationCommandTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    private readonly ApiClient _api = factory.CreateApiClient();

    [Fact]
    public async Task Opening_an_operation_answers_201_with_its_location_and_the_stream_version_as_etag()
    {
        var raid = await RaidScenario.OpenAsync(_api);

        using var response = await _api.PostAsync($"{raid.OperationPath}/units", new { unitName = "Lanzhou anti-fraud centre", kind = "AntiFraud" });
        var reply = await CommandReply.ReadAsync(response, "units");

        Assert.NotEqual(Guid.Empty, raid.OperationId);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.False(reply.Replayed);
        Assert.Equal("\"2\"", reply.ETag?.Tag);
        Assert.Equal($"operation-{raid.OperationId:N}", reply.Outcome.GetProperty("streams")[0].GetProperty("streamId").GetString());
    }

    [Fact]
    public async Task A_raid_is_planned_approved_launched_and_concluded_through_the_api()
    {
        var raid = await RaidScenario.PlannedTwoCityRaidAsync(_api);
        await raid.SetStrikeTimeAsync(RaidScenario.DefaultHHour.AddMinutes(30), "ZZ");
        await raid.ApproveAsync();
        await raid.LaunchAsync("LZ");
        await raid.LaunchAsync("ZZ");

        var concluded = await _api.CommandAsync($"{raid.OperationPath}/conclusion", new { summary = "42 arrested" });

        Assert.False(concluded.Replayed);
        Assert.Equal(2, raid.Sites.Count);
    }

    [Fact]
    public async Task A_retried_command_returns_the_original_outcome_marked_replayed_and_writes_nothing()
    {
        var raid = await RaidScenario.OpenAsync(_api);
        var key = Guid.NewGuid();
        var body = new { cityCode = "ZZ", name = "Zhengzhou", localCommander = "Commander Sun", timeZoneId = "Asia/Shanghai" };
        var first = await _api.CommandAsync($"{raid.OperationPath}/cities", body, key);
        var before = await EventCount.InAsync(factory.Database.DataSource);

        var retry = await _api.CommandAsync($"{raid.OperationPath}/cities", body, key);

        Assert.False(first.Replayed);
        Assert.True(retry.Replayed);
        Assert.Equal(first.Position, retry.Position);
        Assert.Equal(first.Outcome.GetProperty("streams").GetRawText(), retry.Outcome.GetProperty("streams").GetRawText());
        Assert.Equal(before, await EventCount.InAsync(factory.Database.DataSource));
    }

    [Fact]
    public async Task Launching_an_unapproved_plan_is_a_409()
    {
        var raid = await RaidScenario.PlannedTwoCityRaidAsync(_api);

        await Refusal.AssertAsync(factory.Database.DataSource,
            () => _api.PostAsync($"{raid.OperationPath}/launch", new { }), HttpStatusCode.Conflict, "operation.not-approved");
    }

    [Fact]
    public async Task Assigning_a_team_to_an_unknown_site_is_a_422()
    {
        var raid = await RaidScenario.PlannedTwoCityRaidAsync(_api);

        await Refusal.AssertAsync(factory.Database.DataSource,
            () => _api.PostAsync($"{raid.OperationPath}/assignments", new { teamId = raid.Sites[0].TeamId, siteId = Guid.NewGuid() }),
            HttpStatusCode.UnprocessableEntity, "operation.unknown-site");
    }

    [Fact]
    public async Task A_command_on_an_unknown_operation_is_refused_like_one_the_caller_is_not_on()
    {
        await Refusal.AssertAsync(factory.Database.DataSource,
            () => _api.PostAsync($"/api/operations/{Guid.NewGuid()}/approval", new { }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_stale_if_match_is_a_412_with_the_actual_version()
    {
        var raid = await RaidScenario.OpenAsync(_api);
        await raid.AddCityAsync("ZZ", "Zhengzhou");

        var problem = await Refusal.AssertAsync(factory.Database.DataSource,
            () => _api.PostAsync($"{raid.OperationPath}/cities", new { cityCode = "GZ", name = "Guangzhou", localCommander = "Commander He", timeZoneId = "Asia/Shanghai" }, ifMatch: "\"1\""),
            HttpStatusCode.PreconditionFailed, "stream.version-mismatch");

        Assert.Equal(2, problem.GetProperty("actualVersion").GetInt64());
    }

    [Fact]
    public async Task A_current_if_match_is_accepted()
    {
        var raid = await RaidScenario.OpenAsync(_api);

        using var response = await _api.PostAsync(
            $"{raid.OperationPath}/cities", new { cityCode = "ZZ", name = "Zhengzhou", localCommander = "Commander Sun", timeZoneId = "Asia/Shanghai" }, ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_details_and_writes_nothing()
    {
        await Refusal.AssertAsync(factory.Database.DataSource,
            () => _api.PostJsonAsync("/api/operations", "{\"codeName\": \"5·26\", ", Guid.NewGuid()), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_wrong_type_in_the_body_is_a_400_problem_details_and_writes_nothing()
    {
        var raid = await RaidScenario.OpenAsync(_api);

        await Refusal.AssertAsync(factory.Database.DataSource,
            () => _api.PostJsonAsync($"{raid.OperationPath}/sites", "{\"cityCode\":\"LZ\",\"address\":\"x\",\"expectedHeadcount\":\"many\"}", Guid.NewGuid()),
            HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_command_without_an_idempotency_key_is_a_400_and_writes_nothing()
    {
        var raid = await RaidScenario.OpenAsync(_api);

        var problem = await Refusal.AssertAsync(factory.Database.DataSource,
            () => _api.PostJsonAsync($"{raid.OperationPath}/approval", "{}", idempotencyKey: null), HttpStatusCode.BadRequest);

        Assert.Contains("Idempotency-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversize_body_is_a_413_and_writes_nothing()
    {
        var raid = await RaidScenario.OpenAsync(_api);
        var oversize = JsonSerializer.Serialize(new { unitName = new string('x', 300 * 1024), kind = "Other" });

        await Refusal.AssertAsync(factory.Database.DataSource,
            () => _api.PostJsonAsync($"{raid.OperationPath}/units", oversize, Guid.NewGuid()), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task An_invalid_request_is_a_422_with_the_rule_code()
    {
        await Refusal.AssertAsync(factory.Database.DataSource,
            () => _api.PostAsync("/api/operations", new
            {
                codeName = "",
                title = "No code name",
                originCase = new { reference = "LZ-1", reportedLoss = new { amount = 100m, currency = "CNY" }, reportedAt = RaidScenario.ReportedAt },
                homeCity = new { code = "LZ", name = "Lanzhou", timeZoneId = "Asia/Shanghai" },
                commander = "Director Li",
            }),
            HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task If_match_on_a_stale_version_is_a_412_and_writes_nothing()
    {
        var raid = await RaidScenario.OpenAsync(_api);
        await raid.AddCityAsync("ZZ", "Zhengzhou");

        var problem = await Refusal.AssertAsync(factory.Database.DataSource,
            () => _api.PostAsync($"{raid.OperationPath}/units", new { unitName = "Legal", kind = "Legal" }, ifMatch: "\"1\""),
            HttpStatusCode.PreconditionFailed, "stream.version-mismatch");

        Assert.Equal(2, problem.GetProperty("actualVersion").GetInt64());
        var accepted = await _api.PostAsync($"{raid.OperationPath}/units", new { unitName = "Legal", kind = "Legal" }, ifMatch: "\"2\"");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }
}
