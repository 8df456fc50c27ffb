using System.Text.Json;
using RaidCommand.Server.Tests.Api;
using RaidCommand.Server.Tests.Custody;
using RaidCommand.Server.Tests.Infrastructure;
using RaidCommand.Server.Tests.Security;

namespace RaidCommand.Server.Tests.Audit;

public sealed class TimelineTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    [Fact]
    public async Task An_auditor_sees_every_event_of_the_operation_in_order_with_who_from_which_device_and_what_it_changed()
    {
        var raid = await SecuredRaid.CreateAsync(factory);
        var auditor = raid.Client(Caller.Auditor);

        var entries = (await auditor.GetJsonAsync($"{raid.Raid.OperationPath}/timeline?limit=5000")).GetProperty("entries").EnumerateArray().ToList();

        var positions = entries.Select(e => e.GetProperty("globalPosition").GetInt64()).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(await EventsOfOperationAsync(raid), entries.Count);
        Assert.Equal("operation-opened", entries[0].GetProperty("type").GetString());
        Assert.StartsWith("Operation 5·26 opened", entries[0].GetProperty("description").GetString(), StringComparison.Ordinal);
        var arrest = entries.Single(e => e.GetProperty("type").GetString() == "site-arrest-logged");
        Assert.Equal("commander-a", arrest.GetProperty("actorName").GetString());
        Assert.Equal("commander", arrest.GetProperty("actorRole").GetString());
        Assert.Equal("test-device", arrest.GetProperty("deviceId").GetString());
        Assert.Contains("Chen Ming", arrest.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(SecuredRaid.IdentityDocumentNumber, arrest.GetProperty("data").GetProperty("identityDocumentNumber").GetString());
        Assert.DoesNotContain(entries, e => e.GetProperty("streamId").GetString()!.StartsWith("account-", StringComparison.Ordinal));
        // Stated a minute back, before the operation and the site existed: on the occurred clock it counts from the site's registration.
        var registered = entries.Single(e => e.GetProperty("type").GetString() == "operation-site-registered"
            && e.GetProperty("data").GetProperty("siteId").GetGuid() == raid.OwnSite.SiteId);
        Assert.True(arrest.GetProperty("occurredAt").GetDateTimeOffset() < registered.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal(registered.GetProperty("effectiveOccurredAt").GetDateTimeOffset(), arrest.GetProperty("effectiveOccurredAt").GetDateTimeOffset());
        Assert.All(entries, e => Assert.True(e.GetProperty("effectiveOccurredAt").GetDateTimeOffset() >= e.GetProperty("occurredAt").GetDateTimeOffset()));
    }

    [Fact]
    public async Task Pages_follow_each_other_without_gaps_or_repeats()
    {
        var raid = await SecuredRaid.CreateAsync(factory);
        var auditor = raid.Client(Caller.Auditor);

        var seen = new List<long>();
        string? after = null;
        do
        {
            var page = await auditor.GetJsonAsync($"{raid.Raid.OperationPath}/timeline?limit=7{(after is null ? "" : $"&after={after}")}");
            seen.AddRange(page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("globalPosition").GetInt64()));
            after = page.GetProperty("nextAfter").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextAfter").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        while (after is not null);

        Assert.Equal(seen.Distinct().Order(), seen);
        Assert.Equal(await EventsOfOperationAsync(raid), seen.Count);
    }

    [Fact]
    public async Task Filters_narrow_to_a_person_or_a_type_and_late_entries_are_flagged()
    {
        var raid = await SecuredRaid.CreateAsync(factory);
        var commander = raid.Client(Caller.Commander);
        await raid.Raid.FieldCommandAsync(raid.OwnSite, "arrests", new { teamId = raid.OwnSite.TeamId, occurredAt = DateTimeOffset.UtcNow.AddHours(-3), name = "Logged late" });
        var path = raid.Raid.OperationPath;

        var person = (await commander.GetJsonAsync($"{path}/timeline?person={raid.PersonId}")).GetProperty("entries").EnumerateArray().ToList();
        var types = (await commander.GetJsonAsync($"{path}/timeline?type=site-arrest-logged&type=site-asset-frozen")).GetProperty("entries").EnumerateArray().ToList();
        var late = (await commander.GetJsonAsync($"{path}/timeline?lateOnly=true")).GetProperty("entries").EnumerateArray().ToList();

        Assert.Contains(person, e => e.GetProperty("type").GetString() == "custody-criminally-detained");
        Assert.Contains(person, e => e.GetProperty("type").GetString() == "transfer-planned");
        Assert.All(person, e => Assert.True(
            e.GetProperty("streamId").GetString() == $"person-{raid.PersonId:N}" || e.GetProperty("data").ToString().Contains(raid.PersonId.ToString(), StringComparison.Ordinal)));
        Assert.Equal(["site-arrest-logged", "site-asset-frozen", "site-arrest-logged"], types.Select(e => e.GetProperty("type").GetString()));
        var lateArrest = Assert.Single(late, e => e.GetProperty("type").GetString() == "site-arrest-logged");
        Assert.True(lateArrest.GetProperty("late").GetBoolean());
        Assert.All(late, e => Assert.True(e.GetProperty("late").GetBoolean()));
    }

    [Fact]
    public async Task A_correction_and_the_decision_it_voids_are_linked_both_ways()
    {
        var raid = await SecuredRaid.CreateAsync(factory);
        var commander = raid.Client(Caller.Commander);
        var personId = await raid.Raid.ArrestAsync(raid.OwnSite, "Wrongly detained");
        await commander.QuestionAndDetainAsync(personId);
        await commander.CommandAsync(CustodySteps.PersonPath(personId, "corrections"), new { reason = "Detention approved for the wrong person" });

        var entries = (await raid.Client(Caller.Auditor).GetJsonAsync($"{raid.Raid.OperationPath}/timeline?person={personId}")).GetProperty("entries").EnumerateArray().ToList();

        var detention = entries.Single(e => e.GetProperty("type").GetString() == "custody-criminally-detained");
        var correction = entries.Single(e => e.GetProperty("type").GetString() == "custody-decision-corrected");
        Assert.Equal(detention.GetProperty("eventId").GetGuid(), correction.GetProperty("corrects").GetGuid());
        Assert.Equal(correction.GetProperty("eventId").GetGuid(), detention.GetProperty("correctedBy").GetGuid());
        Assert.Contains("wrong person", correction.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("commander-a", correction.GetProperty("actorName").GetString());
    }

    private async Task<long> EventsOfOperationAsync(SecuredRaid raid)
    {
        await using var command = factory.Database.DataSource.CreateCommand("""
            select count(*) from eventstore.events
            where stream_id in (select stream_id from eventstore.events where stream_version = 1 and data ->> 'operationId' = $1)
            """);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = raid.Raid.OperationId.ToString() });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
