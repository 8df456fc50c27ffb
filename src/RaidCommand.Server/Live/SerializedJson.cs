using System.Text.Json;
using System.Text.Json.Serialization;

namespace RaidCommand.Server.Live;

/// <summary>
/// A hub message argument serialized once and copied as it is into every client's message. SignalR serializes the
/// arguments of a send to one connection for that connection alone, so a page pushed to a thousand subscribers, each
/// through its own ordered outbox, would otherwise be serialized a thousand times (the bulk of the live path's CPU,
/// measured in docs/benchmarks.md, "Live push"). For the JSON hub protocol, the only one the server enables; it is
/// never read back.
/// </summary>
[JsonConverter(typeof(SerializedJsonConverter))]
public sealed class SerializedJson
{
    private SerializedJson(byte[] utf8) => Utf8 = utf8;

    public ReadOnlyMemory<byte> Utf8 { get; }

    /// <param name="options">The hub protocol's own payload options, so the bytes are what SignalR would have written.</param>
    public static SerializedJson Of<T>(T value, JsonSerializerOptions options) => new(JsonSerializer.SerializeToUtf8Bytes(value, options));
}

internal sealed class SerializedJsonConverter : JsonConverter<SerializedJson>
{
    public override SerializedJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("SerializedJson is only ever written.");

    // The bytes come from System.Text.Json itself: no need to validate them again for every client.
    public override void Write(Utf8JsonWriter writer, SerializedJson value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
    }
}
