using System.Net.Http.Json;
using RaidCommand.Server.Tests.Api;
using RaidCommand.Server.Tests.Infrastructure;

namespace RaidCommand.Server.Tests.Security;

/// <summary>Every event names the authenticated account, the capacity it acted in, and the device it signed in from; nothing a client sends can change that.</summary>
public sealed class AttributionTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    [Fact]
    public async Task A_field_entry_is_attributed_to_the_signed_in_officer_their_capacity_and_device()
    {
        var raid = await SecuredRaid.CreateAsync(factory);
        var officer = raid.Client(Caller.FieldOfficer);
        var userId = await officer.UserIdAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{raid.Raid.OperationPath}/sites/{raid.OwnSite.SiteId}/breach")
        {
            Content = JsonContent.Create(new { teamId = raid.OwnSite.TeamId, occurredAt = RaidScenario.JustNow, actorId = "someone-else", actorRole = "commander" }),
        };
        var commandId = Guid.NewGuid();
        request.Headers.Add("Idempotency-Key", commandId.ToString());
        request.Headers.Add("X-Actor-Id", "forged-actor");
        request.Headers.Add("X-Actor-Role", "administrator");
        request.Headers.Add("X-Device-Id", "forged-device");

        using var response = await officer.Http.SendAsync(request);
        await CommandReply.ReadAsync(response, "breach");

        var (actor, role, device) = await MetadataAsync(commandId);
        Assert.Equal(userId.ToString(), actor);
        Assert.Equal("field-officer", role);
        Assert.Equal("test-device", device);
    }

    [Fact]
    public async Task Every_stored_event_names_an_actor_role_and_device()
    {
        await SecuredRaid.CreateAsync(factory);

        await using var command = factory.Database.DataSource.CreateCommand(
            "select count(*) filter (where actor_id is null or actor_role is null or device_id is null), count(*) from eventstore.events");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();

        Assert.Equal(0, reader.GetInt64(0));
        Assert.True(reader.GetInt64(1) > 20);
    }

    private async Task<(string Actor, string Role, string Device)> MetadataAsync(Guid commandId)
    {
        await using var command = factory.Database.DataSource.CreateCommand("select actor_id, actor_role, device_id from eventstore.events where command_id = $1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = commandId.ToString() });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetString(1), reader.GetString(2));
    }
}
