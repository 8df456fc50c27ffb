using Npgsql;

namespace RaidCommand.EventStore.Tests.Projections;

/// <summary>
/// Counts events per stream in a table of its own. It throws on events named <see cref="PoisonName"/>, and for events named
/// <see cref="RefusedName"/> it queues a write that the database refuses.
/// </summary>
public sealed class CountingProjection(string schema) : IProjection
{
    public const string PoisonName = "poison";
    public const string RefusedName = "refused";

    public string Name => "counting";

    public static async Task<CountingProjection> CreateAsync(TestStore test)
    {
        await test.ExecuteAsync("create table __schema__.counts (stream_id text primary key, events bigint not null)");
        return new CountingProjection(test.Schema);
    }

    public Task ApplyAsync(ProjectionPage page, CancellationToken cancellationToken)
    {
        if (page.Events.Any(e => e.Data is ThingHappened { Name: PoisonName }))
        {
            throw new InvalidOperationException("This event cannot be projected.");
        }

        var command = new NpgsqlBatchCommand($"""
            insert into {schema}.counts (stream_id, events)
            select stream_id, count(*) from unnest($1::text[]) as s(stream_id) group by stream_id
            on conflict (stream_id) do update set events = counts.events + excluded.events
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = page.Events.Select(e => e.StreamId).ToArray() });
        page.Write(command);
        if (page.Events.Any(e => e.Data is ThingHappened { Name: RefusedName }))
        {
            // A null key: the database refuses it when the runner sends the page's writes, not here.
            page.Write(new NpgsqlBatchCommand($"insert into {schema}.counts (stream_id, events) values (null, 1)"));
        }

        return Task.CompletedTask;
    }

    public async Task ResetAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"truncate {schema}.counts", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
