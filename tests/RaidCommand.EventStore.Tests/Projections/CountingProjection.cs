using Npgsql;

namespace RaidCommand.EventStore.Tests.Projections;

/// <summary>Counts events per stream in a table of its own; refuses events named <see cref="PoisonName"/>.</summary>
public sealed class CountingProjection(string schema) : IProjection
{
    public const string PoisonName = "poison";

    public string Name => "counting";

    public static async Task<CountingProjection> CreateAsync(TestStore test)
    {
        await test.ExecuteAsync("create table __schema__.counts (stream_id text primary key, events bigint not null)");
        return new CountingProjection(test.Schema);
    }

    public async Task ApplyAsync(NpgsqlConnection connection, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
    {
        if (events.Any(e => e.Data is ThingHappened { Name: PoisonName }))
        {
            throw new InvalidOperationException("This event cannot be projected.");
        }

        await using var command = new NpgsqlCommand($"""
            insert into {schema}.counts (stream_id, events)
            select stream_id, count(*) from unnest($1::text[]) as s(stream_id) group by stream_id
            on conflict (stream_id) do update set events = counts.events + excluded.events
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.StreamId).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ResetAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"truncate {schema}.counts", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
