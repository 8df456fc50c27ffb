using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RaidCommand.Domain;
using RaidCommand.Domain.Common;
using RaidCommand.Domain.Custody;
using RaidCommand.Domain.Operations;
using RaidCommand.Domain.Sites;
using RaidCommand.EventStore;
using RaidCommand.EventStore.Feed;
using RaidCommand.EventStore.Schema;
using RaidCommand.Server.Audit.AsOf;
using RaidCommand.Server.Audit.History;
using RaidCommand.Server.Board;
using RaidCommand.Server.ReadModels;
using RaidCommand.Server.Security.Access;

namespace RaidCommand.Bench;

/// <summary>
/// Auditor time travel: one operation of about 10,000 events (3,000 arrests with their custody records, 2,000
/// seizures, 1,000 freezes, 1,000 questionings), then as-of board queries at random instants on both clocks,
/// through the server's own replay. Baseline, side by side: reading the same operation's rows with the same query
/// and nothing else (no deserialization, no fold).
/// </summary>
public static class TimeTravel
{
    public static async Task RunAsync(NpgsqlDataSource dataSource, int queries)
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

        // A store in service has planner statistics; a freshly seeded one gets them here rather than from autovacuum mid-run.
        await using (var analyze = dataSource.CreateCommand("analyze"))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"Seeded one operation with {count} events.");

        var history = new OperationHistory(dataSource, options, store);
        var replay = new AsOfReplay(history);
        var readModels = new ReadModelStore(dataSource, EventSerializer.DefaultJsonOptions());
        var random = new Random(526);
        var results = new List<string>();
        foreach (var clock in new[] { AuditClock.Recorded, AuditClock.Occurred })
        {
            var (from, to) = clock == AuditClock.Recorded ? (firstRecorded, lastRecorded) : (firstOccurred, lastOccurred);
            var asOf = new List<double>();
            var baseline = new List<double>();
            for (var i = 0; i < queries; i++)
            {
                var at = from + ((to - from) * random.NextDouble());
                var query = new AsOfQuery(at, clock);
                var watch = Stopwatch.StartNew();
                var (views, _) = await replay.ReplayAsync(new OperationBoardProjection(readModels), operationId, query, CancellationToken.None);
                asOf.Add(watch.Elapsed.TotalMilliseconds);
                GC.KeepAlive(views);

                watch.Restart();
                await ReadRowsAsync(dataSource, operationId, clock, at);
                baseline.Add(watch.Elapsed.TotalMilliseconds);
            }

            results.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {clock.ToString().ToLowerInvariant()} | {Percentile(asOf, 0.5):F1} | {Percentile(asOf, 0.99):F1} | {Percentile(baseline, 0.5):F1} | {Percentile(baseline, 0.99):F1} | {Percentile(asOf, 0.5) / Percentile(baseline, 0.5):F1} |"));
        }

        Console.WriteLine();
        Console.WriteLine($"As-of board queries on an operation of {count} events, {queries} random instants per clock (ms):");
        Console.WriteLine("| clock | as-of median | as-of p99 | rows-only median | rows-only p99 | as-of / rows-only |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        results.ForEach(Console.WriteLine);
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
            var (site, team) = sites[i % sites.Count];
            var at = start.AddSeconds(i * 12);
            last = at;
            var person = Guid.NewGuid();
            await store.AppendAsync([
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

        return (start, last);
    }

    private static Func<object, NewEvent> New(DateTimeOffset at) => data => new NewEvent(Guid.NewGuid(), data, at, new EventMetadata { ActorId = "bench" });

    private static List<NewEvent> Events(DateTimeOffset at, params object[] data) => [.. data.Select(New(at))];

    private static async Task ReadRowsAsync(NpgsqlDataSource dataSource, Guid operationId, AuditClock clock, DateTimeOffset at)
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
        while (await reader.ReadAsync())
        {
            _ = reader.GetString(0);
        }
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

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
