using RaidCommand.Domain.Custody;
using RaidCommand.Domain.Operations;
using RaidCommand.EventStore;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Audit.AsOf;

/// <summary>
/// The time each event of one operation counts from on the occurred clock, its <em>effective occurred time</em>: when it
/// says it happened, or when its site, person or transfer entered the record, whichever is later. An arrest stated at
/// 06:15 at a den registered at 06:30 counts from 06:30: never before its den exists, and never lost, as it would be
/// if the board folded it before the den was on it.
/// <para>
/// Fed an operation's events in feed order, it gives each the latest of (1) its stated occurred time, (2) the effective
/// time of the previous event of its stream, so that within a stream the occurred clock never contradicts the stream's
/// versions (a custody step stated before the arrest counts from the arrest), and (3) for a stream's first event, the
/// effective time of what introduced its subject: the <see cref="OperationOpened"/> for every stream of the operation;
/// for a site's log, the site's <see cref="SiteRegistered"/>; for a person's custody record, the site's log as it
/// stands when the arrest opens the record, which is the arrest's own effective time (both are appended together with
/// the same stated time). An event's effective time depends only on events before it in the feed, so it is fixed once
/// the event is recorded and an event recorded later never moves it.
/// </para>
/// <para>
/// The state is, per stream, the instant its next event counts from at the earliest (its newest event's effective time,
/// or for a stream without events yet the one its introduction set), and the operation's opening. It can be stored and
/// loaded (<see cref="StreamClocks"/>), so the snapshot projection goes on from where its last page ended.
/// </para>
/// </summary>
public sealed class EffectiveOccurredTimes
{
    private readonly Dictionary<string, DateTimeOffset> _streams;
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);

    public EffectiveOccurredTimes()
        : this(null, [])
    {
    }

    public EffectiveOccurredTimes(DateTimeOffset? opened, IEnumerable<KeyValuePair<string, DateTimeOffset>> streams)
    {
        Opened = opened;
        _streams = new Dictionary<string, DateTimeOffset>(streams, StringComparer.Ordinal);
    }

    /// <summary>The effective occurred time of the operation's opening, once seen: no event of the operation counts earlier.</summary>
    public DateTimeOffset? Opened { get; private set; }

    /// <summary>The streams whose standing changed since this instance was made, with it: what a store of the state must write.</summary>
    public IEnumerable<KeyValuePair<string, DateTimeOffset>> Changed => _changed.Select(stream => KeyValuePair.Create(stream, _streams[stream]));

    /// <summary>The streams whose standing <see cref="Next(RecordedEvent)"/> reads or writes for this event: the ones a loaded state must hold.</summary>
    public static IEnumerable<string> StreamsConsulted(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        yield return recorded.StreamId;
        if (IntroducedOrFollowedSite(recorded.Data) is { } site)
        {
            yield return site;
        }
    }

    /// <summary>
    /// The streams the effective times of a stream starting with <paramref name="first"/> depend on, besides itself: the
    /// operation's stream (its opening, its sites' registrations) and, for a custody record, the log of the arrest's site.
    /// Folding those streams' events with the stream's own, in feed order, gives the stream's effective times.
    /// </summary>
    public static IEnumerable<string> StreamsDependedOn(RecordedEvent first, Guid operationId)
    {
        ArgumentNullException.ThrowIfNull(first);
        yield return StreamIds.Operation(operationId);
        if (first.Data is PersonArrested arrested)
        {
            yield return StreamIds.Site(arrested.SiteId);
        }
    }

    /// <summary>Takes the operation's next event in feed order and returns its effective occurred time.</summary>
    public DateTimeOffset Next(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return Next(recorded.StreamId, recorded.OccurredAt, recorded.Data);
    }

    /// <summary>
    /// The same from the parts the rule reads. <paramref name="data"/> matters only for the operation's opening, a site's
    /// registration and a custody record's arrest; a reader that skips deserialising other payloads may pass null for them.
    /// </summary>
    public DateTimeOffset Next(string streamId, DateTimeOffset statedAt, object? data)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        var floor = _streams.TryGetValue(streamId, out var standing) ? standing : FirstEventFloor(data);
        var effective = floor is { } earliest && earliest > statedAt ? earliest : statedAt;
        Set(streamId, effective);
        switch (data)
        {
            case OperationOpened when Opened is null:
                Opened = effective;
                break;
            case SiteRegistered registered when !_streams.ContainsKey(StreamIds.Site(registered.SiteId)):
                Set(StreamIds.Site(registered.SiteId), effective);
                break;
        }

        return effective;
    }

    /// <summary>
    /// Gives each event its effective occurred time and orders the events the way the occurred clock folds them: by that
    /// time, feed order breaking ties (the sort is stable and <paramref name="inFeedOrder"/> is in feed order).
    /// </summary>
    public List<OccurredClockEvent> InOccurredOrder(IEnumerable<RecordedEvent> inFeedOrder)
    {
        ArgumentNullException.ThrowIfNull(inFeedOrder);
        return [.. inFeedOrder.Select(e => new OccurredClockEvent(e, Next(e))).OrderBy(e => e.EffectiveOccurredAt)];
    }

    // A stream's first event counts from its subject's introduction: a custody record from its arrest's site log (which
    // holds the site's registration, itself after the opening); any other stream from the operation's opening.
    private DateTimeOffset? FirstEventFloor(object? data) =>
        data is PersonArrested arrested && _streams.TryGetValue(StreamIds.Site(arrested.SiteId), out var site) ? site : Opened;

    private static string? IntroducedOrFollowedSite(object data) => data switch
    {
        SiteRegistered e => StreamIds.Site(e.SiteId),
        PersonArrested e => StreamIds.Site(e.SiteId),
        _ => null,
    };

    private void Set(string streamId, DateTimeOffset effective)
    {
        _streams[streamId] = effective;
        _changed.Add(streamId);
    }
}

/// <summary>An event with the time it counts from on the occurred clock (<see cref="EffectiveOccurredTimes"/>).</summary>
public sealed record OccurredClockEvent(RecordedEvent Event, DateTimeOffset EffectiveOccurredAt);
