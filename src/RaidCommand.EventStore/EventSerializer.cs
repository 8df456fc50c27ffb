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

    public (object Data, string Name, int SchemaVersion) Deserialize(string storedName, int storedVersion, string payload)
    {
        var (type, name, version, upgraded) = types.Resolve(
            storedName, storedVersion, () => JsonNode.Parse(payload)?.AsObject() ?? new JsonObject());

        var data = upgraded is null
            ? JsonSerializer.Deserialize(payload, type, json)
            : upgraded.Deserialize(type, json);

        return (data ?? throw new JsonException($"Event payload of type '{storedName}' is null."), name, version);
    }
}
