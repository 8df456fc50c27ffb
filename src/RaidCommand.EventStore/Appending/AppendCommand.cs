using Npgsql;
using NpgsqlTypes;

namespace RaidCommand.EventStore.Appending;

/// <summary>
/// The single call to the append function (schema migration 5), which writes a batch of any shape (several streams,
/// several events per stream, streams that are only checked) in one round trip.
/// </summary>
internal static class AppendCommand
{
    public static async Task<AppendResult> ExecuteAsync(
        NpgsqlConnection connection, string schema, IReadOnlyList<StreamAppend> appends, EventSerializer serializer, CancellationToken cancellationToken)
    {
        await using var command = Build(schema, appends, serializer);
        command.Connection = connection;
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var events = new List<AppendedEvent>();
            while (await reader.ReadAsync(cancellationToken))
            {
                events.Add(new AppendedEvent(
                    reader.GetString(0), reader.GetInt64(1), new FeedPosition(reader.GetFieldValue<ulong>(3), reader.GetInt64(2))));
            }

            return new AppendResult(events, WasDuplicate: false);
        }
        catch (PostgresException error) when (error.SqlState == AppendErrors.WrongExpectedVersion)
        {
            throw AppendErrors.ToWrongExpectedVersion(error.MessageText, appends);
        }
    }

    public static NpgsqlCommand Build(string schema, IReadOnlyList<StreamAppend> appends, EventSerializer serializer)
    {
        var eventCount = appends.Sum(a => a.Events.Count);
        var streamIds = new string[appends.Count];
        var expected = new long[appends.Count];
        var eventStreams = new int[eventCount];
        var eventIds = new Guid[eventCount];
        var types = new string[eventCount];
        var schemaVersions = new int[eventCount];
        var data = new string[eventCount];
        var actorIds = new string?[eventCount];
        var actorRoles = new string?[eventCount];
        var deviceIds = new string?[eventCount];
        var correlationIds = new string?[eventCount];
        var causationIds = new string?[eventCount];
        var commandIds = new string?[eventCount];
        var occurredAt = new DateTime[eventCount];

        var i = 0;
        for (var s = 0; s < appends.Count; s++)
        {
            streamIds[s] = appends[s].StreamId;
            expected[s] = appends[s].Expected.Value;
            foreach (var @event in appends[s].Events)
            {
                var (type, json) = serializer.Serialize(@event.Data);
                eventStreams[i] = s + 1; // PostgreSQL arrays are 1-based.
                eventIds[i] = @event.EventId;
                types[i] = type.Name;
                schemaVersions[i] = type.SchemaVersion;
                data[i] = json;
                actorIds[i] = @event.Metadata.ActorId;
                actorRoles[i] = @event.Metadata.ActorRole;
                deviceIds[i] = @event.Metadata.DeviceId;
                correlationIds[i] = @event.Metadata.CorrelationId;
                causationIds[i] = @event.Metadata.CausationId;
                commandIds[i] = @event.Metadata.CommandId;
                occurredAt[i] = @event.OccurredAt.UtcDateTime;
                i++;
            }
        }

        var command = new NpgsqlCommand(
            $"select stream_id, stream_version, global_position, transaction_id from {schema}.append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)");
        Add(command, NpgsqlDbType.Text, streamIds);
        Add(command, NpgsqlDbType.Bigint, expected);
        Add(command, NpgsqlDbType.Integer, eventStreams);
        Add(command, NpgsqlDbType.Uuid, eventIds);
        Add(command, NpgsqlDbType.Text, types);
        Add(command, NpgsqlDbType.Integer, schemaVersions);
        Add(command, NpgsqlDbType.Jsonb, data);
        Add(command, NpgsqlDbType.Text, actorIds);
        Add(command, NpgsqlDbType.Text, actorRoles);
        Add(command, NpgsqlDbType.Text, deviceIds);
        Add(command, NpgsqlDbType.Text, correlationIds);
        Add(command, NpgsqlDbType.Text, causationIds);
        Add(command, NpgsqlDbType.Text, commandIds);
        Add(command, NpgsqlDbType.TimestampTz, occurredAt);
        return command;
    }

    private static void Add(NpgsqlCommand command, NpgsqlDbType elementType, object values) =>
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | elementType, Value = values });
}
