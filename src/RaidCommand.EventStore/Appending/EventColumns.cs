using Npgsql;
using NpgsqlTypes;

namespace RaidCommand.EventStore.Appending;

/// <summary>
/// A batch's events as one PostgreSQL array per column, the parameters both array-taking writers (the append function
/// and the set-based batch) pass after their stream parameters, in this order: event id, type, schema version, data,
/// actor id, actor role, device id, correlation id, causation id, command id, occurred at.
/// </summary>
internal sealed class EventColumns
{
    private readonly Guid[] _eventIds;
    private readonly string[] _types;
    private readonly int[] _schemaVersions;
    private readonly string[] _data;
    private readonly string?[] _actorIds;
    private readonly string?[] _actorRoles;
    private readonly string?[] _deviceIds;
    private readonly string?[] _correlationIds;
    private readonly string?[] _causationIds;
    private readonly string?[] _commandIds;
    private readonly DateTime[] _occurredAt;

    public EventColumns(int count)
    {
        _eventIds = new Guid[count];
        _types = new string[count];
        _schemaVersions = new int[count];
        _data = new string[count];
        _actorIds = new string?[count];
        _actorRoles = new string?[count];
        _deviceIds = new string?[count];
        _correlationIds = new string?[count];
        _causationIds = new string?[count];
        _commandIds = new string?[count];
        _occurredAt = new DateTime[count];
    }

    /// <summary>Serializes <paramref name="event"/> into row <paramref name="index"/>.</summary>
    public void Set(int index, NewEvent @event, EventSerializer serializer)
    {
        var (type, json) = serializer.Serialize(@event.Data);
        _eventIds[index] = @event.EventId;
        _types[index] = type.Name;
        _schemaVersions[index] = type.SchemaVersion;
        _data[index] = json;
        _actorIds[index] = @event.Metadata.ActorId;
        _actorRoles[index] = @event.Metadata.ActorRole;
        _deviceIds[index] = @event.Metadata.DeviceId;
        _correlationIds[index] = @event.Metadata.CorrelationId;
        _causationIds[index] = @event.Metadata.CausationId;
        _commandIds[index] = @event.Metadata.CommandId;
        _occurredAt[index] = @event.OccurredAt.UtcDateTime;
    }

    public void AddTo(NpgsqlParameterCollection parameters)
    {
        parameters.Add(Array(NpgsqlDbType.Uuid, _eventIds));
        parameters.Add(Array(NpgsqlDbType.Text, _types));
        parameters.Add(Array(NpgsqlDbType.Integer, _schemaVersions));
        parameters.Add(Array(NpgsqlDbType.Jsonb, _data));
        parameters.Add(Array(NpgsqlDbType.Text, _actorIds));
        parameters.Add(Array(NpgsqlDbType.Text, _actorRoles));
        parameters.Add(Array(NpgsqlDbType.Text, _deviceIds));
        parameters.Add(Array(NpgsqlDbType.Text, _correlationIds));
        parameters.Add(Array(NpgsqlDbType.Text, _causationIds));
        parameters.Add(Array(NpgsqlDbType.Text, _commandIds));
        parameters.Add(Array(NpgsqlDbType.TimestampTz, _occurredAt));
    }

    public static NpgsqlParameter Array(NpgsqlDbType elementType, object values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | elementType, Value = values };
}
