using System.Text.Json;
using Npgsql;
using RaidCommand.EventStore;

namespace RaidCommand.Bench;

/// <summary>The benchmark's event: a small, realistic record (~150 bytes of JSON).</summary>
internal sealed record ArrestMade(string PersonTag, string SiteId, string TeamId, string Note);

/// <summary>Events and metadata shared by our engine and the raw baseline, so both write the same bytes.</summary>
internal static class Workload
{
    public const string TypeName = "raid.arrest-made";
    public static readonly JsonSerializerOptions Json = EventSerializer.DefaultJsonOptions();
    public static readonly byte[] FixedHash = Enumerable.Range(0, 32).Select(i => (byte)(0xA0 + i)).ToArray();

    private static readonly string[] Notes =
    [
        "Detained at the north gate after a short foot pursuit; no injuries; property bagged and tagged.",
        "Found in the storage room behind the kitchen; compliant; identity confirmed by fingerprint scan.",
        "Stopped while leaving by the rear exit with two phones; searched, cautioned and handed to transport.",
    ];

    public static ArrestMade Arrest(long n) => new(
        $"P-{n:D7}", $"site-{n % 40:D2}", $"team-{n % 12:D2}", Notes[n % Notes.Length]);

    public static EventMetadata Metadata(string commandId) => new()
    {
        ActorId = "officer-0417",
        ActorRole = "arresting-officer",
        DeviceId = "tablet-0093",
        CorrelationId = "raid-2026-11-22-harbour",
        CommandId = commandId,
    };

    public static EventStoreOptions StoreOptions(string schema, BenchSettings settings)
    {
        var options = new EventStoreOptions { Schema = schema, FeedPageSize = settings.PageSize };
        if (settings.ConcurrentAppendWrites is { } writes)
        {
            options.ConcurrentAppendWrites = writes;
        }

        options.Types.Register<ArrestMade>(TypeName);
        return options;
    }

    /// <summary>A table of the same shape as eventstore.events (columns, types, keys and indexes), written with plain SQL.</summary>
    public static string RawSchemaSql(string schema) => $"""
        create schema {schema};
        create sequence {schema}.events_position_seq as bigint;
        create table {schema}.events (
            global_position bigint      primary key default nextval('{schema}.events_position_seq'),
            stream_id       text        not null,
            stream_version  bigint      not null,
            event_id        uuid        not null,
            event_type      text        not null,
            schema_version  int         not null,
            data            jsonb       not null,
            actor_id        text,
            actor_role      text,
            device_id       text,
            correlation_id  text,
            causation_id    text,
            command_id      text,
            occurred_at     timestamptz not null,
            recorded_at     timestamptz not null default clock_timestamp(),
            transaction_id  xid8        not null default pg_current_xact_id(),
            previous_hash   bytea       not null,
            hash            bytea       not null,
            constraint {schema}_stream_version_unique unique (stream_id, stream_version),
            constraint {schema}_event_id_unique unique (event_id)
        );
        create index {schema}_feed_order on {schema}.events (transaction_id, global_position);
        create index {schema}_command_id on {schema}.events (command_id) where command_id is not null;
        create table {schema}.counts (stream_id text primary key, events bigint not null);
        """;

    public static string CountsTableSql(string schema) =>
        $"create table {schema}.counts (stream_id text primary key, events bigint not null)";

    /// <summary>The projection's one set-based upsert per page; the raw baseline runs the very same statement.</summary>
    public static NpgsqlBatchCommand CountUpsert(string schema, string[] streamIds)
    {
        var command = new NpgsqlBatchCommand($"""
            insert into {schema}.counts (stream_id, events)
            select stream_id, count(*) from unnest($1::text[]) as s(stream_id) group by stream_id
            on conflict (stream_id) do update set events = counts.events + excluded.events
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = streamIds });
        return command;
    }
}

/// <summary>Counts events per stream with one set-based upsert per page.</summary>
internal sealed class CountingProjection(string schema) : IProjection
{
    public string Name => "bench-counting";

    public Task ApplyAsync(ProjectionPage page, CancellationToken cancellationToken)
    {
        var events = page.Events;
        var streamIds = new string[events.Count];
        for (var i = 0; i < streamIds.Length; i++)
        {
            streamIds[i] = events[i].StreamId;
        }

        page.Write(Workload.CountUpsert(schema, streamIds));
        return Task.CompletedTask;
    }

    public async Task ResetAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"truncate {schema}.counts", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
