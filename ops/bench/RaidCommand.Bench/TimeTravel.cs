using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using RaidCommand.Domain;
using RaidCommand.Domain.Common;
using RaidCommand.Domain.Custody;
using RaidCommand.Domain.Operations;
using RaidCommand.Domain.Sites;
using RaidCommand.EventStore;
using RaidCommand.EventStore.Feed;
using RaidCommand.EventStore.Projections;
using RaidCommand.EventStore.Schema;
using RaidCommand.Server.Audit;
using RaidCommand.Server.Audit.AsOf;
using RaidCommand.Server.Audit.History;
using RaidCommand.Server.ReadModels;
using RaidCommand.Server.Security.Access;

namespace RaidCommand.Bench;

/// <summary>
/// Auditor time travel: one operation of about 15,000 events (3,000 arrests with their custody records, 2,000
/// seizures, 1,000 freezes, 1,000 questionings, then an offline phone's backlog of 30 arrests logged hours late), the
/// as-of snapshots built by the server's own projection, then as-of queries at random instants on both clocks.
/// Side by side for each instant, in the same run: the snapshot-backed query (what the endpoints do), the full
/// replay from the operation's first event (what they did before), and reading the same rows with no
/// deserialization and no fold. Every snapshot-backed answer is checked against the full replay's.
/// </summary>
public static class TimeTravel
{
    private const int LateArrests = 30;

    public static async Task RunAsync(NpgsqlDataSource dataSource, int queriesPerRound, int rounds)
    {
        var options = new EventStoreOptions { Schema = "eventstore" };
        foreach (var (type, name) in DomainEventTypes.TypeNames)
        {
            options.Types.Register(type, name);
        }

        await new SchemaMigrator(dataSource, options, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await new SecuritySchema(dataSource).MigrateAsync(CancellationToken.None);
        await new AuditSchema(dataSource, options).MigrateAsync(CancellationToken.None);
        using var signal = new FeedSignal();
        var store = new EventStore.EventStore(dataSource, options, signal);
        var operationId = Guid.NewGuid();
        var (firstOccurred, lastOccurred) = await SeedAsync(store, operationId);
        var (firstRecorded, lastRecorded) = await RecordedSpanAsync(dataSource);
        var count = await CountAsync(dataSource, operationId);
        Console.WriteLine($"Seeded one operation with {count} events ({LateArrests * 5} of them logged late).");

        var folds = new AsOfFolds(new ReadModelStore(dataSource, EventSerializer.DefaultJsonOptions()));
        var reads = new AsOfEventReads(new Lazy<EventStore.EventStore>(store));
        var auditOptions = new AuditOptions();
        var projection = new AsOfSnapshotProjection(folds, new EventClockIndex(), reads, Options.Create(auditOptions));
        options.Projections.Add(projection);
        await new AsOfSnapshotSchema(dataSource, folds, new ProjectionAdmin(dataSource, options, signal), NullLogger<AsOfSnapshotSchema>.Instance)
            .MigrateAsync(CancellationToken.None);
        var build = await BuildSnapshotsAsync(dataSource, options, signal, projection);
        Console.WriteLine($"Snapshot projection caught up in {build.TotalSeconds:F1} s; {await SnapshotStorageAsync(dataSource)}.");

        // A store in service has planner statistics; a freshly seeded one gets them here rather than from autovacuum mid-run.
        await using (var analyze = dataSource.CreateCommand("vacuum analyze"))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        var replay = new AsOfReplay(dataSource, new AsOfSnapshots(options), reads);

        // A server in service has compiled these paths and built its JSON contracts for the view types; this one does it now, untimed.
        foreach (var clock in new[] { AuditClock.Recorded, AuditClock.Occurred })
        {
            var warmUp = new AsOfQuery(clock == AuditClock.Recorded ? lastRecorded : lastOccurred, clock);
            await replay.ReplayAsync(folds.Board, operationId, warmUp, CancellationToken.None);
            await replay.FullReplayAsync(folds.Board, operationId, warmUp, CancellationToken.None);
            await replay.ReplayAsync(folds.CustodyRecords, operationId, warmUp, CancellationToken.None);
            await replay.FullReplayAsync(folds.CustodyRecords, operationId, warmUp, CancellationToken.None);
            await ReadRowsAsync(dataSource, operationId, clock, warmUp.At);
        }

        var random = new Random(526);
        var samples = new Dictionary<(string View, AuditClock Clock, string Method), List<double>>();
        var roundMedians = new List<string>();
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var clock in new[] { AuditClock.Recorded, AuditClock.Occurred })
            {
                var (from, to) = clock == AuditClock.Recorded ? (firstRecorded, lastRecorded) : (firstOccurred, lastOccurred);
                var thisRound = new List<double>();
                for (var i = 0; i < queriesPerRound; i++)
                {
                    var query = new AsOfQuery(from + ((to - from) * random.NextDouble()), clock);
                    var snapshotFirst = i % 2 == 0;
                    var board = await CompareAsync(
                        () => replay.ReplayAsync(folds.Board, operationId, query, CancellationToken.None),
                        () => replay.FullReplayAsync(folds.Board, operationId, query, CancellationToken.None), query, snapshotFirst);
                    var custody = await CompareAsync(
                        () => replay.ReplayAsync(folds.CustodyRecords, operationId, query, CancellationToken.None),
                        () => replay.FullReplayAsync(folds.CustodyRecords, operationId, query, CancellationToken.None), query, snapshotFirst);
                    var (_, rows) = await TimeAsync(() => ReadRowsAsync(dataSource, operationId, clock, query.At));
                    Add(samples, ("board", clock, "snapshot"), board.Snapshot);
                    Add(samples, ("board", clock, "full"), board.Full);
                    Add(samples, ("custody register", clock, "snapshot"), custody.Snapshot);
                    Add(samples, ("custody register", clock, "full"), custody.Full);
                    Add(samples, ("board", clock, "rows"), rows);
                    thisRound.Add(board.Snapshot);
                }

                roundMedians.Add(string.Create(CultureInfo.InvariantCulture, $"round {round} {Name(clock)}: board snapshot median {Percentile(thisRound, 0.5):F1} ms"));
                Console.WriteLine($"  {roundMedians[^1]}");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"As-of queries on an operation of {count} events, {rounds} rounds of {queriesPerRound} random instants per clock, "
            + $"snapshots every {auditOptions.SnapshotInterval} events (ms; every snapshot-backed answer equalled the full replay's):");
        Console.WriteLine("| view | clock | snapshot median | snapshot p90 | snapshot p99 | full replay median | full replay p99 | rows-only median | rows-only p99 | full / snapshot | snapshot / rows-only |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var view in new[] { "board", "custody register" })
        {
            foreach (var clock in new[] { AuditClock.Recorded, AuditClock.Occurred })
            {
                var (snapshot, full, rows) = (samples[(view, clock, "snapshot")], samples[(view, clock, "full")], samples[("board", clock, "rows")]);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {view} | {Name(clock)} | {Percentile(snapshot, 0.5):F1} | {Percentile(snapshot, 0.9):F1} | {Percentile(snapshot, 0.99):F1} | {Percentile(full, 0.5):F1} | {Percentile(full, 0.99):F1} "
                    + $"| {Percentile(rows, 0.5):F1} | {Percentile(rows, 0.99):F1} | {Percentile(full, 0.5) / Percentile(snapshot, 0.5):F1} | {Percentile(snapshot, 0.5) / Percentile(rows, 0.5):F2} |"));
            }
        }
    }

    /// <summary>
    /// Times the snapshot-backed query and the full replay of the same instant, in alternating order so that neither
    /// always finds the other's pages cached, and fails the run if their answers differ.
    /// </summary>
    private static async Task<(double Snapshot, double Full)> CompareAsync<TView>(
        Func<Task<(IReadOnlyDictionary<string, TView> Views, int Applied)>> fromSnapshot, Func<Task<(IReadOnlyDictionary<string, TView> Views, int Applied)>> full,
        AsOfQuery query, bool snapshotFirst)
    {
        var (first, second) = snapshotFirst ? (fromSnapshot, full) : (full, fromSnapshot);
        var (firstAnswer, firstTime) = await TimeAsync(first);
        var (secondAnswer, secondTime) = await TimeAsync(second);
        var (snapshotAnswer, fullAnswer) = snapshotFirst ? (firstAnswer, secondAnswer) : (secondAnswer, firstAnswer);
        var (snapshotTime, fullTime) = snapshotFirst ? (firstTime, secondTime) : (secondTime, firstTime);
        if (Json(snapshotAnswer) != Json(fullAnswer))
        {
            throw new InvalidOperationException($"The snapshot-backed {typeof(TView).Name} as of {query.At:O} ({query.Clock}) differs from the full replay.");
        }

        return (snapshotTime, fullTime);
    }

    private static string Json<TView>((IReadOnlyDictionary<string, TView> Views, int Applied) answer) =>
        JsonSerializer.Serialize(new { answer.Applied, Views = answer.Views.OrderBy(v => v.Key, StringComparer.Ordinal).ToList() }, EventSerializer.DefaultJsonOptions());

    /// <summary>
    /// Times one call, starting from a collected heap: the methods alternate, and one's garbage (a full replay leaves
    /// about 15,000 events' worth) must not be collected on the other's time.
    /// </summary>
    private static async Task<(T Result, double Milliseconds)> TimeAsync<T>(Func<Task<T>> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        var result = await action();
        return (result, watch.Elapsed.TotalMilliseconds);
    }

    private static void Add(Dictionary<(string, AuditClock, string), List<double>> samples, (string, AuditClock, string) key, double value)
    {
        if (!samples.TryGetValue(key, out var list))
        {
            samples[key] = list = [];
        }

        list.Add(value);
    }

    /// <summary>Runs the server's snapshot projection until it has passed the last event; returns how long it took.</summary>
    private static async Task<TimeSpan> BuildSnapshotsAsync(NpgsqlDataSource dataSource, EventStoreOptions options, FeedSignal signal, AsOfSnapshotProjection projection)
    {
        var runner = new ProjectionRunner(projection, dataSource, options, new EventFeed(dataSource, options, signal), signal, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var watch = Stopwatch.StartNew();
        var running = runner.RunAsync(stop.Token);
        var admin = new ProjectionAdmin(dataSource, options, signal);
        var last = await LastPositionAsync(dataSource);
        while ((await admin.GetStatusAsync()).SingleOrDefault(p => p.Name == projection.Name) is not { } status || status.Checkpoint < last)
        {
            await Task.Delay(50);
        }

        var elapsed = watch.Elapsed;
        await stop.CancelAsync();
        await running;
        if ((await admin.GetStatusAsync()).Single(p => p.Name == projection.Name) is { Status: not "running" } failed)
        {
            throw new InvalidOperationException($"The snapshot projection is {failed.Status}: {failed.LastError}");
        }

        return elapsed;
    }

    private static async Task<FeedPosition> LastPositionAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("select e.transaction_id::text, e.global_position from eventstore.events e order by e.transaction_id desc, e.global_position desc limit 1");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new FeedPosition(ulong.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetInt64(1));
    }

    private static async Task<string> SnapshotStorageAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand($"""
            select (select count(*) from {AsOfSnapshots.Table}),
                   pg_total_relation_size('{AsOfSnapshots.Table}'),
                   pg_total_relation_size('{EventClockIndex.ClocksTable}')
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return string.Create(CultureInfo.InvariantCulture,
            $"{reader.GetInt64(0)} snapshots in {reader.GetInt64(1) / 1048576.0:F1} MiB, clock index {reader.GetInt64(2) / 1048576.0:F1} MiB");
    }

    private static async Task<(DateTimeOffset First, DateTimeOffset Last)> SeedAsync(EventStore.EventStore store, Guid operationId)
    {
        var start = DateTimeOffset.UtcNow.AddHours(-12);
        var sites = Enumerable.Range(0, 11).Select(_ => (Site: Guid.NewGuid(), Team: Guid.NewGuid())).ToList();
        var plan = new List<object>
        {
            new OperationOpened(operationId, "5·26", "Bench", new OriginCase("LZ-1", Money.Cny(15_000m), start.AddDays(-30)), new CityRef("LZ", "Lanzhou", "Asia/Shanghai"), "Li", start),
            new CityAdded(operationId, "ZZ", "Zhengzhou", "Ma", "Asia/Shanghai"),
        };
        foreach (var (site, team) in sites)
        {
            plan.Add(new SiteRegistered(operationId, site, "ZZ", "Den", 30, null));
            plan.Add(new TeamFormed(operationId, team, "Team", "Zhao", 20, "ZZ"));
            plan.Add(new TeamAssignedToSite(operationId, team, site));
        }

        plan.Add(new StrikeTimeSet(operationId, start));
        plan.Add(new PlanApproved(operationId, "Li", start));
        plan.Add(new CityLaunched(operationId, "ZZ", "Li", start));
        await store.AppendAsync($"operation-{operationId:N}", ExpectedVersion.NoStream, plan.Select(New(start)).ToList());

        var last = start;
        for (var i = 0; i < 3_000; i++)
        {
            var at = start.AddSeconds(i * 12);
            last = at;
            await AppendArrestAsync(store, operationId, sites[i % sites.Count], i, at);
        }

        // An offline phone's backlog, logged at the end: arrests that occurred hours before, across the raid.
        var backlog = new Random(1126);
        for (var i = 0; i < LateArrests; i++)
        {
            await AppendArrestAsync(store, operationId, sites[i % sites.Count], 3_000 + i, start + ((last - start) * backlog.NextDouble()));
        }

        return (start, last);
    }

    private static Task<AppendResult> AppendArrestAsync(EventStore.EventStore store, Guid operationId, (Guid Site, Guid Team) staffed, int i, DateTimeOffset at)
    {
        var (site, team) = staffed;
        var person = Guid.NewGuid();
        return store.AppendAsync([
            new StreamAppend($"site-{site:N}", ExpectedVersion.Any, Events(at,
                new ArrestLogged(operationId, site, "ZZ", person, $"Suspect {i}", null, null, team, at),
                new SeizureLogged(operationId, site, Guid.NewGuid(), team, SeizureCategory.Phone, 3, "Phones", [], "Room 1", null, at),
                i % 3 == 0 ? new AssetFrozen(operationId, site, Guid.NewGuid(), team, "Holder", "ICBC", "6222", Money.Cny(5_000m), "F", at)
                    : new SeizureLogged(operationId, site, Guid.NewGuid(), team, SeizureCategory.HardDisk, 1, "Disk", [], "Room 1", null, at))),
            new StreamAppend($"person-{person:N}", ExpectedVersion.NoStream, Events(at,
                new PersonArrested(person, operationId, site, "ZZ", $"Suspect {i}", null, null, team, at),
                new Questioned(person, "Sun", "On site", at))),
        ]);
    }

    private static Func<object, NewEvent> New(DateTimeOffset at) => data => new NewEvent(Guid.NewGuid(), data, at, new EventMetadata { ActorId = "bench" });

    private static List<NewEvent> Events(DateTimeOffset at, params object[] data) => [.. data.Select(New(at))];

    private static async Task<int> ReadRowsAsync(NpgsqlDataSource dataSource, Guid operationId, AuditClock clock, DateTimeOffset at)
    {
        await using var command = dataSource.CreateCommand($"""
            select e.data::text from eventstore.events e
            where e.stream_id in (select f.stream_id from eventstore.events f where f.stream_version = 1 and f.data ->> 'operationId' = $1)
              and e.{(clock == AuditClock.Recorded ? "recorded_at" : "occurred_at")} <= $2
            order by e.global_position
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = operationId.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = at });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            _ = reader.GetString(0);
            rows++;
        }

        return rows;
    }

    private static async Task<(DateTimeOffset, DateTimeOffset)> RecordedSpanAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("select min(recorded_at), max(recorded_at) from eventstore.events");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1));
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, Guid operationId)
    {
        await using var command = dataSource.CreateCommand(
            "select count(*) from eventstore.events where stream_id in (select stream_id from eventstore.events where stream_version = 1 and data ->> 'operationId' = $1)");
        command.Parameters.Add(new NpgsqlParameter { Value = operationId.ToString() });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string Name(AuditClock clock) => clock.ToString().ToLowerInvariant();

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
