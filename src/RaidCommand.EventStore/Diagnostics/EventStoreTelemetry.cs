using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RaidCommand.EventStore.Diagnostics;

/// <summary>
/// The engine's traces and metrics, on .NET's own <see cref="ActivitySource"/> and <see cref="Meter"/>, so the engine
/// depends on no telemetry package: an application subscribes by name (OpenTelemetry's <c>AddSource(Name)</c> and
/// <c>AddMeter(Name)</c>, or a plain listener). Nothing is recorded when nobody listens.
/// </summary>
public static class EventStoreTelemetry
{
    /// <summary>The name of both the activity source and the meter.</summary>
    public const string Name = "RaidCommand.EventStore";

    internal static readonly ActivitySource Activities = new(Name);

    internal static readonly Meter Meter = new(Name);

    /// <summary>Duration of an append as the caller sees it, tagged by writer and outcome.</summary>
    internal static readonly Histogram<double> AppendDuration = Meter.CreateHistogram<double>(
        "eventstore.append.duration", unit: "ms", description: "Time to append one batch, from the call to its answer.");

    /// <summary>Events stored by appends (a retried batch stores none).</summary>
    internal static readonly Counter<long> EventsAppended = Meter.CreateCounter<long>(
        "eventstore.events.appended", unit: "{event}", description: "Events stored by appends.");

    /// <summary>Events a projection applied, tagged by projection: their rate against the append rate shows its lag.</summary>
    internal static readonly Counter<long> EventsProjected = Meter.CreateCounter<long>(
        "eventstore.projection.events", unit: "{event}", description: "Events applied by a projection, checkpoint committed.");

    /// <summary>Events a projection could not apply and dead-lettered: anything above zero needs a person.</summary>
    internal static readonly Counter<long> EventsDeadLettered = Meter.CreateCounter<long>(
        "eventstore.projection.dead_letters", unit: "{event}", description: "Events a projection dead-lettered.");

    /// <summary>Tag values of <see cref="AppendDuration"/>.</summary>
    internal static class Outcome
    {
        public const string Written = "written";
        public const string Retried = "retried";
        public const string Conflict = "conflict";
        public const string Failed = "failed";
    }
}
