using System.Net;
using System.Text.Json;
using RaidCommand.Server.Tests.Api;
using RaidCommand.Server.Tests.Infrastructure;

namespace RaidCommand.Server.Tests.Security;

public sealed class MembershipApiTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    [Fact]
    public async Task Whoever_opens_an_operation_is_its_commander_and_sees_it_listed()
    {
        var commander = factory.CreateApiClient(new TestAccount("opener", "commander"));
        var outsider = factory.CreateApiClient(new TestAccount("not-on-it", "commander"));
        var raid = await RaidScenario.OpenAsync(commander);

        var me = await commander.GetJsonAsync("/api/me");
        var membership = Assert.Single(me.GetProperty("memberships").EnumerateArray());
        Assert.Equal(raid.OperationId, membership.GetProperty("operationId").GetGuid());
        Assert.Equal("commander", membership.GetProperty("capacity").GetString());
        Assert.Contains(raid.OperationId, Ids(await commander.GetJsonAsync($"/api/operations?after={raid.LastPosition}")));
        Assert.DoesNotContain(raid.OperationId, Ids(await outsider.GetJsonAsync($"/api/operations?after={raid.LastPosition}")));
    }

    [Fact]
    public async Task A_removed_member_is_refused_from_their_next_request()
    {
        var raid = await SecuredRaid.CreateAsync(factory);
        var auditor = raid.Client(Caller.Auditor);
        using (var before = await auditor.Http.GetAsync(new Uri($"{raid.Raid.OperationPath}/board", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await raid.Client(Caller.Commander).CommandAsync($"{raid.Raid.OperationPath}/members/{await auditor.UserIdAsync()}/removal", new { reason = "Case handed to another procuratorate" });

        using var after = await auditor.Http.GetAsync(new Uri($"{raid.Raid.OperationPath}/board", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
    }

    [Fact]
    public async Task Membership_needs_the_matching_role_and_a_field_officer_needs_one_of_the_operations_teams()
    {
        var raid = await SecuredRaid.CreateAsync(factory);
        var commander = raid.Client(Caller.Commander);
        var fieldOfficer = await raid.Client(Caller.OutsideFieldOfficer).UserIdAsync();
        var members = $"{raid.Raid.OperationPath}/members";

        await Refused(await commander.PostAsync(members, new { userId = fieldOfficer, capacity = "auditor" }), HttpStatusCode.UnprocessableEntity, "membership.role-missing");
        await Refused(await commander.PostAsync(members, new { userId = fieldOfficer, capacity = "field-officer" }), HttpStatusCode.UnprocessableEntity, "membership.team-required");
        await Refused(await commander.PostAsync(members, new { userId = fieldOfficer, capacity = "field-officer", teamId = Guid.NewGuid() }),
            HttpStatusCode.UnprocessableEntity, "membership.unknown-team");
        await commander.CommandAsync(members, new { userId = fieldOfficer, capacity = "field-officer", teamId = raid.OtherSite.TeamId });

        var listed = await commander.GetJsonAsync(members);
        Assert.Contains(listed.EnumerateArray(), m => m.GetProperty("userId").GetGuid() == fieldOfficer && m.GetProperty("teamId").GetGuid() == raid.OtherSite.TeamId);
    }

    [Fact]
    public async Task The_last_commander_cannot_be_removed_but_an_administrator_can_add_another_first()
    {
        var raid = await SecuredRaid.CreateAsync(factory);
        var commanderId = await raid.Client(Caller.Commander).UserIdAsync();
        var admin = raid.Client(Caller.Administrator);
        var removal = $"{raid.Raid.OperationPath}/members/{commanderId}/removal";

        await Refused(await admin.PostAsync(removal, new { reason = "Reassigned" }), HttpStatusCode.Conflict, "membership.last-commander");
        await admin.CommandAsync($"{raid.Raid.OperationPath}/members", new { userId = await raid.Client(Caller.OutsideCommander).UserIdAsync(), capacity = "commander" });
        await admin.CommandAsync(removal, new { reason = "Reassigned" });
    }

    [Fact]
    public async Task A_revoked_role_takes_effect_on_the_next_request()
    {
        var commander = factory.CreateApiClient(new TestAccount("soon-demoted", "commander"));
        var userId = await commander.UserIdAsync();
        await RaidScenario.OpenAsync(commander);

        await factory.CreateApiClient(TestAccounts.Administrator).CommandAsync($"/api/accounts/{userId}/role-revocations", new { role = "commander" });

        await Refused(await commander.PostAsync("/api/operations", new { }), HttpStatusCode.Forbidden, "access.denied");
    }

    private static IEnumerable<Guid> Ids(JsonElement operations) => operations.EnumerateArray().Select(o => o.GetProperty("operationId").GetGuid());

    private static async Task Refused(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        using (response)
        {
            await Refusal.ProblemAsync(response, status, code);
        }
    }
}
