using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace RaidCommand.EventStore;

/// <summary>Turns event records into JSON payloads and back, applying upcasters on the way in.</summary>
public sealed class EventSerializer(EventTypeRegistry types, JsonSerializerOptions json)
{
    public static JsonSerializerOptions DefaultJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }

    public EventTypeRegistry Types => types;

    public JsonSerializerOptions JsonOptions => json;

    public (EventTypeName Type, string Json) Serialize(object data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var type = types.NameOf(data.GetType());
        return (type, JsonSerializer.Serialize(data, data.GetType(), json));
    }

    /// <summary>Reads a payload from its UTF-8 bytes, as the store reads jsonb: no detour through a .NET string.</summary>
    public (object Data, string Name, int SchemaVersion) Deserialize(string storedName, int storedVersion, byte[] utf8Payload)
    {
        var (type, name, version, upgraded) = types.Resolve(storedName, storedVersion, utf8Payload);
        var data = upgraded is null ? JsonSerializer.Deserialize(utf8Payload, type, json) : upgraded.Deserialize(type, json);
        return (data ?? throw NullPayload(storedName), name, version);
    }

    private static JsonException NullPayload(string storedName) => new($"Event payload of type '{storedName}' is null.");
}
