using System.Text.Json;
using System.Text.Json.Nodes;
using RaidCommand.EventStore;
using RaidCommand.Server.Security.PersonalData;

namespace RaidCommand.Server.Live;

/// <summary>Turns recorded events into what clients receive: in full for those who may see personal data, masked otherwise.</summary>
public static class LiveEvents
{
    private static readonly JsonSerializerOptions Json = EventSerializer.DefaultJsonOptions();

    public static LiveEvent Of(RecordedEvent recorded, Guid operationId) => Of(recorded, operationId, DataOf(recorded));

    /// <param name="data">The event's data as <see cref="DataOf"/> made it, for a caller that needed it first.</param>
    public static LiveEvent Of(RecordedEvent recorded, Guid operationId, JsonNode? data)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return new(
            recorded.Position.ToString(), operationId, recorded.StreamId, recorded.StreamVersion, recorded.EventType, recorded.OccurredAt, recorded.RecordedAt,
            recorded.Metadata.ActorId, recorded.Metadata.ActorRole, recorded.Metadata.DeviceId, data);
    }

    /// <summary>The event's data as JSON, named as the log stores it.</summary>
    public static JsonNode? DataOf(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return JsonSerializer.SerializeToNode(recorded.Data, recorded.Data.GetType(), Json);
    }

    /// <summary>The same event with personal fields masked (a deep copy; the full one is shared by other clients).</summary>
    public static LiveEvent Masked(LiveEvent full)
    {
        ArgumentNullException.ThrowIfNull(full);
        var data = full.Data?.DeepClone();
        PersonalDataFields.MaskIn(data);
        return full with { Data = data };
    }
}
