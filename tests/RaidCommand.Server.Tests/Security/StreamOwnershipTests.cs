using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using RaidCommand.EventStore;
using RaidCommand.Server.Security.Access;

namespace RaidCommand.Server.Tests.Security;

/// <summary>A stream's first event names its operation, so the live feed's lookups for new streams need no query.</summary>
public sealed class StreamOwnershipTests
{
    // Nothing listens there: any query would fail the test.
    private static readonly NpgsqlDataSource Unreachable = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Timeout=1");

    [Fact]
    public async Task A_first_event_answers_for_its_stream_and_for_the_streams_later_events()
    {
        var ownership = new StreamOwnership(Unreachable, new EventStoreOptions());
        var operationId = Guid.NewGuid();

        // Shaped as the live feed's events are: serialized with the log's own JSON options.
        var first = JsonSerializer.SerializeToNode(new { OperationId = operationId, Name = "Li" }, EventSerializer.DefaultJsonOptions());
        var fromFirst = await ownership.OperationOfAsync("person-1", 1, first, CancellationToken.None);
        var fromLater = await ownership.OperationOfAsync("person-1", 2, new JsonObject { ["decision"] = "bail" }, CancellationToken.None);

        Assert.Equal(operationId, fromFirst);
        Assert.Equal(operationId, fromLater);
    }

    [Fact]
    public async Task A_later_event_of_an_unknown_stream_is_looked_up_in_the_log()
    {
        var ownership = new StreamOwnership(Unreachable, new EventStoreOptions());

        await Assert.ThrowsAnyAsync<NpgsqlException>(async () =>
            await ownership.OperationOfAsync("person-2", 3, new JsonObject { ["operationId"] = Guid.NewGuid().ToString() }, CancellationToken.None));
    }
}
