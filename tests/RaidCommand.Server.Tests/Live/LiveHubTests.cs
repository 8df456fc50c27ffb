using System.Text.Json;
using RaidCommand.Server.Tests.Api;
using RaidCommand.Server.Tests.Infrastructure;

namespace RaidCommand.Server.Tests.Live;

/// <summary>The hub through the real JS SignalR client: replay then live, in feed order, with no gap and no repeat.</summary>
public sealed class LiveHubTests(LiveServerFactory factory) : IClassFixture<LiveServerFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_subscriber_from_the_start_gets_every_event_of_its_operation_in_order_and_nothing_of_another()
    {
        var api = factory.CreateApiClient();
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(api);
        var other = await RaidScenario.LaunchedTwoCityRaidAsync(api);
        await raid.ArrestAsync(raid.Sites[0], "Chen Ming");
        await other.ArrestAsync(other.Sites[0], "Not ours");
        var expected = await PositionsOfAsync(raid.OperationId);

        var receipt = await NodeLiveClient.ReceiveAsync(factory.Address, await TokenAsync(api), raid.OperationId, null, expected.Count, Patience);

        Assert.Null(receipt.Error);
        Assert.Equal(expected, receipt.Positions);
        Assert.All(receipt.Events, e => Assert.Equal(raid.OperationId, e.GetProperty("operationId").GetGuid()));
        Assert.Equal(JsonValueKind.Object, receipt.CaughtUp.ValueKind);
    }

    [Fact]
    public async Task Entries_written_while_a_client_catches_up_arrive_once_and_in_order()
    {
        var api = factory.CreateApiClient();
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(api);
        var token = await TokenAsync(api);
        const int Arrests = 40;
        var planned = (await PositionsOfAsync(raid.OperationId)).Count;

        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < Arrests; i++)
            {
                await raid.ArrestAsync(raid.Sites[i % 2], $"Suspect {i}");
            }
        });
        var receiving = NodeLiveClient.ReceiveAsync(factory.Address, token, raid.OperationId, null, planned + (Arrests * 2), Patience);
        await writing;
        var receipt = await receiving;

        Assert.Null(receipt.Error);
        Assert.Equal(await PositionsOfAsync(raid.OperationId), receipt.Positions);
    }

    [Fact]
    public async Task A_client_that_lost_its_socket_resumes_from_its_last_position_and_misses_nothing()
    {
        var api = factory.CreateApiClient();
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(api);
        var token = await TokenAsync(api);
        var before = await NodeLiveClient.ReceiveAsync(factory.Address, token, raid.OperationId, null, (await PositionsOfAsync(raid.OperationId)).Count, Patience);

        for (var i = 0; i < 5; i++)
        {
            await raid.ArrestAsync(raid.Sites[0], $"While offline {i}");
        }

        var resumed = await NodeLiveClient.ReceiveAsync(factory.Address, token, raid.OperationId, before.Positions[^1], 10, Patience);

        Assert.Equal(await PositionsOfAsync(raid.OperationId), [.. before.Positions, .. resumed.Positions]);
    }

    [Fact]
    public async Task A_long_absence_is_caught_up_in_pages()
    {
        var api = factory.CreateApiClient();
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(api);
        for (var i = 0; i < 260; i++)
        {
            await raid.ArrestAsync(raid.Sites[i % 2], $"Suspect {i}");
        }

        var expected = await PositionsOfAsync(raid.OperationId);
        var receipt = await NodeLiveClient.ReceiveAsync(factory.Address, await TokenAsync(api), raid.OperationId, null, expected.Count, Patience);

        Assert.Equal(expected, receipt.Positions);
        Assert.True(receipt.Batches >= 2, $"{expected.Count} events came in {receipt.Batches} message(s)");
    }

    [Fact]
    public async Task A_non_member_is_refused_and_a_field_officer_gets_identity_numbers_masked()
    {
        var api = factory.CreateApiClient();
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(api);
        await raid.FieldCommandAsync(raid.Sites[0], "arrests", new { teamId = raid.Sites[0].TeamId, occurredAt = RaidScenario.JustNow, name = "Chen", identityDocumentNumber = "410105199001011234" });
        var officer = factory.CreateApiClient(new TestAccount("live-field", "field-officer"));
        await api.CommandAsync($"{raid.OperationPath}/members", new { userId = await officer.UserIdAsync(), capacity = "field-officer", teamId = raid.Sites[0].TeamId });
        var outsider = factory.CreateApiClient(new TestAccount("live-outsider", "commander"));
        var count = (await PositionsOfAsync(raid.OperationId)).Count;

        var refused = await NodeLiveClient.ReceiveAsync(factory.Address, await TokenAsync(outsider), raid.OperationId, null, 1, TimeSpan.FromSeconds(5));
        var masked = await NodeLiveClient.ReceiveAsync(factory.Address, await TokenAsync(officer), raid.OperationId, null, count, Patience);

        Assert.Contains("access.denied", refused.Error, StringComparison.Ordinal);
        Assert.Empty(refused.Events);
        var arrest = masked.Events.Single(e => e.GetProperty("type").GetString() == "site-arrest-logged");
        Assert.Equal("**************1234", arrest.GetProperty("data").GetProperty("identityDocumentNumber").GetString());
    }

    [Fact]
    public async Task A_live_page_reaches_a_field_officer_masked_and_a_commander_in_full()
    {
        var api = factory.CreateApiClient();
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(api);
        var officer = factory.CreateApiClient(new TestAccount("live-masked", "field-officer"));
        await api.CommandAsync($"{raid.OperationPath}/members", new { userId = await officer.UserIdAsync(), capacity = "field-officer", teamId = raid.Sites[0].TeamId });
        var count = (await PositionsOfAsync(raid.OperationId)).Count;
        var asOfficer = NodeLiveClient.Start(factory.Address, await TokenAsync(officer), raid.OperationId, null, count + 2, Patience);
        var asCommander = NodeLiveClient.Start(factory.Address, await TokenAsync(api), raid.OperationId, null, count + 2, Patience);
        await Task.WhenAll(asOfficer.CaughtUp, asCommander.CaughtUp);

        // Both are live: the arrest reaches them from the tail's page, shaped (and serialized) once per shape.
        await raid.FieldCommandAsync(raid.Sites[0], "arrests", new { teamId = raid.Sites[0].TeamId, occurredAt = RaidScenario.JustNow, name = "Li", identityDocumentNumber = "410105199001011234" });

        string? IdentityNumber(LiveReceipt receipt) => receipt.Events.Single(e => e.GetProperty("type").GetString() == "site-arrest-logged")
            .GetProperty("data").GetProperty("identityDocumentNumber").GetString();
        var officerReceipt = await asOfficer.Receipt;
        var commanderReceipt = await asCommander.Receipt;
        Assert.Equal(await PositionsOfAsync(raid.OperationId), officerReceipt.Positions);
        Assert.Equal(officerReceipt.Positions, commanderReceipt.Positions);
        Assert.Equal("**************1234", IdentityNumber(officerReceipt));
        Assert.Equal("410105199001011234", IdentityNumber(commanderReceipt));
    }

    [Fact]
    public async Task A_client_on_a_second_node_sees_writes_made_through_the_first()
    {
        await using var nodeB = new SecondNode(factory);
        var api = factory.CreateApiClient();
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(api);
        var token = await TokenAsync(api);
        var planned = (await PositionsOfAsync(raid.OperationId)).Count;

        var receiving = NodeLiveClient.Start(nodeB.Address, token, raid.OperationId, null, planned + 6, Patience);
        await receiving.CaughtUp;
        for (var i = 0; i < 3; i++)
        {
            await raid.ArrestAsync(raid.Sites[0], $"Seen on B {i}");
        }

        var receipt = await receiving.Receipt;
        Assert.Null(receipt.Error);
        Assert.Equal(await PositionsOfAsync(raid.OperationId), receipt.Positions);
    }

    private static async Task<string> TokenAsync(ApiClient api)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        using var response = await api.Http.SendAsync(request);
        return request.Headers.Authorization!.Parameter!;
    }

    /// <summary>The operation's events in feed order, straight from the log.</summary>
    private async Task<List<string>> PositionsOfAsync(Guid operationId)
    {
        await using var command = factory.Database.DataSource.CreateCommand("""
            select transaction_id::text || '-' || global_position from eventstore.events
            where stream_id in (select stream_id from eventstore.events where stream_version = 1 and data ->> 'operationId' = $1)
            order by transaction_id, global_position
            """);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = operationId.ToString() });
        var positions = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            positions.Add(reader.GetString(0));
        }

        return positions;
    }
}
