using Npgsql;

namespace RaidCommand.EventStore.Reading;

/// <summary>
/// The one column list every event query selects, and the one way a row becomes a <see cref="RecordedEvent"/>.
/// Public for applications that query the events table directly (e.g. an audit timeline over a set of streams).
/// </summary>
public static class EventRows
{
    public const string Columns = """
        global_position, transaction_id, stream_id, stream_version, event_id, event_type, schema_version, data,
        actor_id, actor_role, device_id, correlation_id, causation_id, command_id, occurred_at, recorded_at
        """;

    public static RecordedEvent Read(NpgsqlDataReader reader, EventSerializer serializer)
    {
        var (data, name, version) = serializer.Deserialize(reader.GetString(5), reader.GetInt32(6), reader.GetFieldValue<byte[]>(7));
        return new RecordedEvent(
            Position: new FeedPosition(reader.GetFieldValue<ulong>(1), reader.GetInt64(0)),
            StreamId: reader.GetString(2),
            StreamVersion: reader.GetInt64(3),
            EventId: reader.GetGuid(4),
            EventType: name,
            SchemaVersion: version,
            Data: data,
            Metadata: new EventMetadata
            {
                ActorId = NullableString(reader, 8),
                ActorRole = NullableString(reader, 9),
                DeviceId = NullableString(reader, 10),
                CorrelationId = NullableString(reader, 11),
                CausationId = NullableString(reader, 12),
                CommandId = NullableString(reader, 13),
            },
            OccurredAt: reader.GetFieldValue<DateTimeOffset>(14),
            RecordedAt: reader.GetFieldValue<DateTimeOffset>(15));
    }

    public static async Task<List<RecordedEvent>> ReadAll(NpgsqlCommand command, EventSerializer serializer, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<RecordedEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(Read(reader, serializer));
        }

        return events;
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
