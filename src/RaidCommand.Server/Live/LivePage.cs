using System.Text.Json;
using RaidCommand.EventStore;

namespace RaidCommand.Server.Live;

/// <summary>
/// One operation's events of one feed page in the two shapes subscribers get, in full or with personal data masked:
/// each shape is made, and serialized into the "events" message, at most once however many subscribers get it.
/// </summary>
internal sealed class LivePage(IReadOnlyList<FeedPosition> positions, IReadOnlyList<LiveEvent> full, JsonSerializerOptions json)
{
    private List<LiveEvent>? _masked;
    private SerializedJson? _fullMessage;
    private SerializedJson? _maskedMessage;

    public IReadOnlyList<FeedPosition> Positions => positions;

    public IReadOnlyList<LiveEvent> Events(bool revealsPersonalData) =>
        revealsPersonalData ? full : _masked ??= [.. full.Select(LiveEvents.Masked)];

    public SerializedJson Message(bool revealsPersonalData) => revealsPersonalData
        ? _fullMessage ??= SerializedJson.Of(full, json)
        : _maskedMessage ??= SerializedJson.Of(Events(revealsPersonalData: false), json);
}
