using Microsoft.AspNetCore.SignalR;
using RaidCommand.EventStore;

namespace RaidCommand.Server.Live;

/// <summary>
/// One operation's events of one feed page in the two shapes subscribers get, in full or with personal data masked:
/// each shape is made, and its "events" frame serialized, at most once however many subscribers get it.
/// </summary>
internal sealed class LivePage(IReadOnlyList<FeedPosition> positions, IReadOnlyList<LiveEvent> full)
{
    private List<LiveEvent>? _masked;
    private SerializedHubMessage? _fullMessage;
    private SerializedHubMessage? _maskedMessage;

    public IReadOnlyList<FeedPosition> Positions => positions;

    public IReadOnlyList<LiveEvent> Events(bool revealsPersonalData) =>
        revealsPersonalData ? full : _masked ??= [.. full.Select(LiveEvents.Masked)];

    public SerializedHubMessage Message(bool revealsPersonalData) => revealsPersonalData
        ? _fullMessage ??= LiveMessages.Events(full)
        : _maskedMessage ??= LiveMessages.Events(Events(revealsPersonalData: false));
}
