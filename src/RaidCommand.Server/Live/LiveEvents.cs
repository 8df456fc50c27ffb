using System.Text.Json;
using System.Text.Json.Nodes;
using RaidCommand.EventStore;
using RaidCommand.Server.Security.PersonalData;

namespace RaidCommand.Server.Live;

/// <summary>Turns recorded events into what clients receive: in full for those who may see personal data, masked otherwise.</summary>
public static class LiveEvents
{
    private static readonly JsonSerializerOptions Json = EventSerializer.DefaultJsonOptions();

    public static LiveEvent Of(RecordedEvent recorded, Guid operationId)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return new(
            recorded.Position.ToString(), operationId, recorded.StreamId, recorded.StreamVersion, recorded.EventType, recorded.OccurredAt, recorded.RecordedAt,
            recorded.Metadata.ActorId, recorded.Metadata.ActorRole, recorded.Metadata.DeviceId, JsonSerializer.SerializeToNode(recorded.Data, recorded.Data.GetType(), Json));
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
