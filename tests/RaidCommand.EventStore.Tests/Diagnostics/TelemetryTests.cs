using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using RaidCommand.EventStore.Diagnostics;
using RaidCommand.EventStore.Tests.Projections;
using RaidCommand.Testing;

namespace RaidCommand.EventStore.Tests.Diagnostics;

/// <summary>
/// The engine's spans and metrics, as a listener subscribed by <see cref="EventStoreTelemetry.Name"/> sees them. Other
/// tests append at the same time, so each test keeps only what was recorded inside its own trace.
/// </summary>
public sealed class TelemetryTests(TestDatabase database) : IClassFixture<TestDatabase>, IDisposable
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags, ActivityTraceId Trace)> _measurements = new();
    private readonly ActivityListener _spanListener = new()
    {
        ShouldListenTo = source => source.Name is EventStoreTelemetry.Name or TestTraces,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    private readonly MeterListener _meterListener = new();
    private const string TestTraces = "RaidCommand.EventStore.Tests";
    private static readonly ActivitySource Tests = new(TestTraces);

    [Fact]
    public async Task An_append_is_a_span_with_its_writer_streams_events_and_outcome_and_is_timed_by_outcome()
    {
        Listen();
        using var test = await TestStore.CreateAsync(database.DataSource);
        var stream = TestEvents.NewStreamId();
        var arrest = TestEvents.Happened("arrest");
        using var root = Tests.StartActivity("test")!;

        await test.Store.AppendAsync(stream, ExpectedVersion.NoStream, [arrest]);
        await test.Store.AppendAsync(stream, ExpectedVersion.NoStream, [arrest]);
        await test.Store.AppendAsync(stream, ExpectedVersion.Exactly(1), [TestEvents.Happened("a"), TestEvents.Happened("b")]);
        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => test.Store.AppendAsync(stream, ExpectedVersion.Exactly(1), [TestEvents.Happened("late")]));

        var appends = _spans.Where(s => s.TraceId == root.TraceId && s.OperationName == "eventstore.append").ToList();
        Assert.Equal(
            [("single-event", 1, 1, "written"), ("single-event", 1, 1, "retried"), ("function", 1, 2, "written"), ("single-event", 1, 1, "conflict")],
            appends.Select(s => ((string)s.GetTagItem("eventstore.writer")!, (int)s.GetTagItem("eventstore.streams")!, (int)s.GetTagItem("eventstore.events")!,
                (string)s.GetTagItem("eventstore.outcome")!)));
        var durations = Mine("eventstore.append.duration", root);
        Assert.Equal(["written", "retried", "written", "conflict"], durations.Select(m => (string)m.Tags["outcome"]!));
        Assert.All(durations, m => Assert.True(m.Value > 0));
        Assert.Equal(3, Mine("eventstore.events.appended", root).Sum(m => m.Value));
    }

    [Fact]
    public async Task A_projection_counts_what_it_applied_and_what_it_dead_lettered()
    {
        Listen();
        using var test = await TestStore.CreateAsync(database.DataSource);
        var projection = await CountingProjection.CreateAsync(test);
        await test.Store.AppendAsync(TestEvents.NewStreamId(), ExpectedVersion.NoStream,
            [TestEvents.Happened("a"), TestEvents.Happened(CountingProjection.PoisonName), TestEvents.Happened("b")]);
        using var root = Tests.StartActivity("test")!;
        using var stop = new CancellationTokenSource();

        var running = test.Runner(projection).RunAsync(stop.Token);
        await Eventually.True(() => Task.FromResult(Mine("eventstore.projection.events", root).Sum(m => m.Value) >= 3), "the runner applied the page");
        await stop.CancelAsync();
        await running;

        Assert.Equal(3, Mine("eventstore.projection.events", root).Sum(m => m.Value));
        var deadLetter = Assert.Single(Mine("eventstore.projection.dead_letters", root));
        Assert.Equal(("counting", 1.0), ((string)deadLetter.Tags["projection"]!, deadLetter.Value));
        Assert.Contains(_spans, s => s.TraceId == root.TraceId && s.OperationName == "eventstore.projection.page" && (int?)s.GetTagItem("eventstore.events") == 3);
    }

    public void Dispose()
    {
        _spanListener.Dispose();
        _meterListener.Dispose();
    }

    private void Listen()
    {
        _spanListener.ActivityStopped = _spans.Enqueue;
        ActivitySource.AddActivityListener(_spanListener);
        _meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == EventStoreTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.Start();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var byName = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            byName[tag.Key] = tag.Value;
        }

        _measurements.Enqueue((instrument.Name, value, byName, Activity.Current?.TraceId ?? default));
    }

    private List<(string Instrument, double Value, Dictionary<string, object?> Tags, ActivityTraceId Trace)> Mine(string instrument, Activity root) =>
        [.. _measurements.Where(m => m.Instrument == instrument && m.Trace == root.TraceId)];
}
