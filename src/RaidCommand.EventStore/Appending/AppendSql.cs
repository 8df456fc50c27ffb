namespace RaidCommand.EventStore.Appending;

/// <summary>
/// The statement parts both prepared writers share, so the rows they write and the heads they move cannot drift
/// apart (the append function, schema migration 5, spells out the same columns and the same upsert).
/// </summary>
internal static class AppendSql
{
    /// <summary>The events table's columns, in the order the writers insert them.</summary>
    public const string EventsColumns =
        "global_position, stream_id, stream_version, event_id, event_type, schema_version, data, " +
        "actor_id, actor_role, device_id, correlation_id, causation_id, command_id, " +
        "occurred_at, recorded_at, transaction_id, previous_hash, hash";

    /// <summary>
    /// A CTE named <c>moved</c> that moves each written stream's head to its new event, from a CTE named
    /// <c>inserted</c> returning <c>stream_id, stream_version, hash, recorded_at</c>.
    /// </summary>
    public static string MoveHeads(string schema) => $"""
        moved as (
            insert into {schema}.streams as s (stream_id, version, head_hash, created_at, updated_at)
            select i.stream_id, i.stream_version, i.hash, i.recorded_at, i.recorded_at from inserted i
            on conflict on constraint streams_pkey do update
               set version = excluded.version, head_hash = excluded.head_hash, updated_at = excluded.updated_at
        )
        """;
}
