using System.Net;
using Npgsql;
using RaidCommand.Server.Tests.Api;
using RaidCommand.Server.Tests.Infrastructure;

namespace RaidCommand.Server.Tests.FieldLogging;

public sealed class FieldLoggingTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    private readonly ApiClient _api = factory.CreateApiClient();

    private NpgsqlDataSource Database => factory.Database.DataSource;

    [Fact]
    public async Task A_site_is_breached_secured_and_dismantled_in_order()
    {
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(_api);
        var site = raid.Sites[0];

        var breached = await raid.FieldCommandAsync(site, "breach", Step(site));
        var secured = await raid.FieldCommandAsync(site, "secure", Step(site));
        var dismantled = await raid.FieldCommandAsync(site, "dismantle", Step(site));

        Assert.Equal("\"1\"", breached.ETag?.Tag);
        Assert.Equal("\"2\"", secured.ETag?.Tag);
        Assert.Equal("\"3\"", dismantled.ETag?.Tag);
        Assert.Equal($"site-{site.SiteId:N}", dismantled.Outcome.GetProperty("streams")[0].GetProperty("streamId").GetString());
    }

    [Fact]
    public async Task Securing_before_the_breach_is_a_409()
    {
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(_api);
        var site = raid.Sites[0];

        await Refusal.AssertAsync(Database, () => _api.PostAsync(raid.SitePath(site, "secure"), Step(site)), HttpStatusCode.Conflict, "site.not-breached");
    }

    [Fact]
    public async Task An_arrest_opens_the_persons_custody_record_in_the_same_write()
    {
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(_api);
        var site = raid.Sites[1];
        var before = await EventCount.InAsync(Database);

        var reply = await raid.FieldCommandAsync(site, "arrests", new { teamId = site.TeamId, occurredAt = RaidScenario.JustNow, localTag = "ZZ-07-014" });

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        var personId = reply.CreatedId;
        Assert.Equal($"/api/persons/{personId}", reply.Location!.OriginalString);
        var streams = reply.Outcome.GetProperty("streams").EnumerateArray().Select(s => s.GetProperty("streamId").GetString()).ToList();
        Assert.Equal([$"site-{site.SiteId:N}", $"person-{personId:N}"], streams);
        Assert.Equal(before + 2, await EventCount.InAsync(Database));
        Assert.Equal(["site-arrest-logged", "custody-person-arrested"], await EventTypesOfCommandAsync(reply));
    }

    [Fact]
    public async Task A_client_chosen_person_id_is_kept()
    {
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(_api);
        var site = raid.Sites[0];
        var personId = Guid.NewGuid();

        var reply = await raid.FieldCommandAsync(site, "arrests", new { teamId = site.TeamId, occurredAt = RaidScenario.JustNow, personId, name = "Liu Yang" });

        Assert.Equal(personId, reply.CreatedId);
    }

    [Fact]
    public async Task Arresting_someone_who_already_has_a_custody_record_is_a_409_and_writes_nothing()
    {
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(_api);
        var personId = await raid.ArrestAsync(raid.Sites[0], "Liu Yang");
        var elsewhere = raid.Sites[1];

        await Refusal.AssertAsync(Database,
            () => _api.PostAsync(raid.SitePath(elsewhere, "arrests"), new { teamId = elsewhere.TeamId, occurredAt = RaidScenario.JustNow, personId, name = "Liu Yang" }),
            HttpStatusCode.Conflict, "custody.already-open");
    }

    [Fact]
    public async Task An_arrest_before_launch_is_a_409_and_writes_nothing()
    {
        var raid = await RaidScenario.PlannedTwoCityRaidAsync(_api);
        await raid.ApproveAsync();
        var site = raid.Sites[0];

        await Refusal.AssertAsync(Database,
            () => _api.PostAsync(raid.SitePath(site, "arrests"), new { teamId = site.TeamId, occurredAt = RaidScenario.JustNow, name = "Liu Yang" }),
            HttpStatusCode.Conflict, "site.not-launched");
    }

    [Fact]
    public async Task A_retried_arrest_returns_the_original_outcome_and_writes_nothing()
    {
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(_api);
        var site = raid.Sites[0];
        var key = Guid.NewGuid();
        var body = new { teamId = site.TeamId, occurredAt = RaidScenario.JustNow, name = "Liu Yang" };
        var first = await _api.CommandAsync(raid.SitePath(site, "arrests"), body, key);
        var before = await EventCount.InAsync(Database);

        var retry = await _api.CommandAsync(raid.SitePath(site, "arrests"), body, key);

        Assert.True(retry.Replayed);
        Assert.Equal(first.Position, retry.Position);
        Assert.Equal(first.Location, retry.Location);
        Assert.Equal(before, await EventCount.InAsync(Database));
    }

    [Fact]
    public async Task Seizures_freezes_and_stop_payments_are_logged()
    {
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(_api);
        var site = raid.Sites[0];
        var before = await EventCount.InAsync(Database);

        await raid.SeizeAsync(site, "Phone", 40);
        await raid.SeizeAsync(site, "Cash", 1, 52000m);
        await raid.FreezeAsync(site, 1_200_000m);
        await raid.StopPaymentAsync(site, 15000m);

        Assert.Equal(before + 4, await EventCount.InAsync(Database));
    }

    [Fact]
    public async Task Freezes_and_stop_payments_still_follow_a_dismantled_site_but_seizures_do_not()
    {
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(_api);
        var site = raid.Sites[0];
        foreach (var step in new[] { "breach", "secure", "dismantle" })
        {
            await raid.FieldCommandAsync(site, step, Step(site));
        }

        await raid.FreezeAsync(site, 300m);
        await raid.StopPaymentAsync(site, 300m);
        await Refusal.AssertAsync(Database,
            () => _api.PostAsync(raid.SitePath(site, "seizures"), Seizure(site.TeamId)), HttpStatusCode.Conflict, "site.dismantled");
    }

    [Fact]
    public async Task A_team_not_assigned_to_the_site_is_a_422()
    {
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(_api);
        var site = raid.Sites[0];

        await Refusal.AssertAsync(Database,
            () => _api.PostAsync(raid.SitePath(site, "breach"), Step(raid.Sites[1])), HttpStatusCode.UnprocessableEntity, "site.team-not-assigned");
        await Refusal.AssertAsync(Database,
            () => _api.PostAsync(raid.SitePath(site, "seizures"), Seizure(Guid.NewGuid())), HttpStatusCode.UnprocessableEntity, "site.team-not-assigned");
    }

    [Fact]
    public async Task An_unknown_site_is_a_422()
    {
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(_api);

        await Refusal.AssertAsync(Database,
            () => _api.PostAsync($"{raid.OperationPath}/sites/{Guid.NewGuid()}/breach", Step(raid.Sites[0])), HttpStatusCode.UnprocessableEntity, "site.unknown");
    }

    [Fact]
    public async Task An_unknown_operation_is_refused_like_one_the_caller_is_not_on()
    {
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(_api);
        var site = raid.Sites[0];

        await Refusal.AssertAsync(Database,
            () => _api.PostAsync($"/api/operations/{Guid.NewGuid()}/sites/{site.SiteId}/freezes", Freeze(site.TeamId)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_field_time_in_the_future_is_a_422()
    {
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(_api);
        var site = raid.Sites[0];

        await Refusal.AssertAsync(Database,
            () => _api.PostAsync(raid.SitePath(site, "breach"), new { teamId = site.TeamId, occurredAt = DateTimeOffset.UtcNow.AddHours(1) }),
            HttpStatusCode.UnprocessableEntity, "time.occurred-at-in-future");
    }

    [Fact]
    public async Task A_missing_field_time_is_a_400()
    {
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(_api);
        var site = raid.Sites[0];

        await Refusal.AssertAsync(Database, () => _api.PostAsync(raid.SitePath(site, "breach"), new { teamId = site.TeamId }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Invalid_field_entries_are_422s_with_the_rule_code()
    {
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(_api);
        var site = raid.Sites[0];

        await Refusal.AssertAsync(Database,
            () => _api.PostAsync(raid.SitePath(site, "arrests"), new { teamId = site.TeamId, occurredAt = RaidScenario.JustNow }),
            HttpStatusCode.UnprocessableEntity, "site.person-unidentified");
        await Refusal.AssertAsync(Database,
            () => _api.PostAsync(raid.SitePath(site, "seizures"), Seizure(site.TeamId) with { Quantity = 0 }),
            HttpStatusCode.UnprocessableEntity, "site.invalid-quantity");
        await Refusal.AssertAsync(Database,
            () => _api.PostAsync(raid.SitePath(site, "freezes"), Freeze(site.TeamId) with { Amount = new MoneyBody(-5m, "CNY") }),
            HttpStatusCode.UnprocessableEntity, "site.invalid-amount");
        await Refusal.AssertAsync(Database,
            () => _api.PostAsync(raid.SitePath(site, "stop-payments"), StopPayment(site.TeamId) with { RequestReference = " " }),
            HttpStatusCode.UnprocessableEntity, "site.request-reference-required");
    }

    [Theory]
    [InlineData("breach")]
    [InlineData("secure")]
    [InlineData("dismantle")]
    [InlineData("arrests")]
    [InlineData("seizures")]
    [InlineData("freezes")]
    [InlineData("stop-payments")]
    public async Task Every_field_endpoint_refuses_unreadable_requests_without_writing(string action)
    {
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(_api);
        var path = raid.SitePath(raid.Sites[0], action);

        await Refusal.AssertAsync(Database, () => _api.PostJsonAsync(path, "{\"teamId\": ", Guid.NewGuid()), HttpStatusCode.BadRequest);
        await Refusal.AssertAsync(Database, () => _api.PostJsonAsync(path, "{\"teamId\": 42}", Guid.NewGuid()), HttpStatusCode.BadRequest);
        await Refusal.AssertAsync(Database, () => _api.PostJsonAsync(path, "{}", idempotencyKey: null), HttpStatusCode.BadRequest);
        await Refusal.AssertAsync(Database,
            () => _api.PostJsonAsync(path, $"{{\"notes\":\"{new string('x', 300 * 1024)}\"}}", Guid.NewGuid()), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_wrong_seizure_category_is_a_400()
    {
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(_api);
        var site = raid.Sites[0];

        await Refusal.AssertAsync(Database,
            () => _api.PostAsync(raid.SitePath(site, "seizures"), Seizure(site.TeamId) with { Category = "Spaceship" }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_stale_if_match_on_the_site_is_a_412()
    {
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(_api);
        var site = raid.Sites[0];
        await raid.BreachAsync(site);

        await Refusal.AssertAsync(Database,
            () => _api.PostAsync(raid.SitePath(site, "freezes"), Freeze(site.TeamId), ifMatch: "\"0\""), HttpStatusCode.PreconditionFailed, "stream.version-mismatch");
    }

    private static object Step(StaffedSite site) => new { teamId = site.TeamId, occurredAt = RaidScenario.JustNow };

    private static SeizureBody Seizure(Guid teamId) =>
        new(teamId, RaidScenario.JustNow, "Phone", 3, "3 phones", ["IMEI 3566"], "Evidence room 1");

    private static FreezeBody Freeze(Guid teamId) =>
        new(teamId, RaidScenario.JustNow, "Chen Ming", "ICBC", "6222 0000", new MoneyBody(1000m, "CNY"), "FO-1");

    private static StopPaymentBody StopPayment(Guid teamId) =>
        new(teamId, RaidScenario.JustNow, "Chen Ming", "ICBC", "6222 0000", new MoneyBody(1000m, "CNY"), "SP-1", "RQ-1");

    private async Task<List<string>> EventTypesOfCommandAsync(CommandReply reply)
    {
        await using var command = Database.CreateCommand("select event_type from eventstore.events where command_id = $1 order by global_position");
        command.Parameters.Add(new NpgsqlParameter { Value = reply.Outcome.GetProperty("commandId").GetString() });
        await using var reader = await command.ExecuteReaderAsync();
        var types = new List<string>();
        while (await reader.ReadAsync())
        {
            types.Add(reader.GetString(0));
        }

        return types;
    }

    private sealed record MoneyBody(decimal Amount, string Currency);

    private sealed record SeizureBody(
        Guid TeamId, DateTimeOffset OccurredAt, string Category, int Quantity, string Description, string[] Identifiers, string StorageLocation);

    private sealed record FreezeBody(
        Guid TeamId, DateTimeOffset OccurredAt, string AccountHolder, string Bank, string AccountNumber, MoneyBody Amount, string FreezeOrderReference);

    private sealed record StopPaymentBody(
        Guid TeamId, DateTimeOffset OccurredAt, string AccountHolder, string Bank, string AccountNumber, MoneyBody Amount, string OrderReference, string RequestReference);
}
