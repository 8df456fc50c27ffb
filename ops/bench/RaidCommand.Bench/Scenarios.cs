using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using RaidCommand.EventStore;
using RaidCommand.EventStore.Feed;
using RaidCommand.EventStore.Projections;
using RaidCommand.EventStore.Schema;
using Store = RaidCommand.EventStore.EventStore;

namespace RaidCommand.Bench;

/// <summary>One scenario's per-round rates (events per second) for our engine and the raw baseline.</summary>
internal sealed record ScenarioResult(int Number, string Name, double? TargetRate, double? TargetRatio, List<double> Ours, List<double> Raw)
{
    /// <summary>Per round, microseconds of CPU per event on the client (this process) and the server (the cluster); appends only.</summary>
    public List<(double Client, double Server)> OursCpu { get; } = [];
    public List<(double Client, double Server)> RawCpu { get; } = [];

    public double OursMedian => Median(Ours);
    public double RawMedian => Median(Raw);
    public double Ratio => OursMedian / RawMedian;
    public bool Met => (TargetRate is null || OursMedian >= TargetRate) && (TargetRatio is null || Ratio >= TargetRatio);

    public string TargetText => TargetRatio is { } ratio
        ? $"ours >= {ratio.ToString("0.0#", CultureInfo.InvariantCulture)} x raw"
        : $"ours >= {TargetRate!.Value.ToString("N0", CultureInfo.InvariantCulture)}/s";

    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

/// <summary>
/// The five scenarios. Each round creates fresh tables (a new event store schema for ours, a new raw table for
/// the baseline), times both, one after the other (who goes first alternates by round), and drops both. Only the
/// measured work is inside the stopwatch.
/// </summary>
internal sealed class Scenarios(NpgsqlDataSource dataSource, BenchSettings settings)
{
    private int _schemaCounter;
    private CpuMeter? _cpu;
    private (double Client, double Server)? _lastCpu;

    /// <summary>Scenario 3's ceiling (raw binary COPY of its rows), by number of writers; empty when scenario 3 did not run.</summary>
    public List<CeilingResult> Ceilings { get; } = [];

    public async Task<List<ScenarioResult>> RunAllAsync()
    {
        _cpu = await CpuMeter.CreateAsync(dataSource);
        Console.WriteLine("Warming up (untimed) ...");
        await WarmUpAsync();

        var results = new List<ScenarioResult>();
        if (settings.Only.Contains(1))
        {
            results.Add(await Alternate(1, "Durable single-event appends, 1 writer", null, 0.9,
                s => OursSingleAsync(s, settings.SingleAppends, 1), s => RawSingleAsync(s, settings.SingleAppends, 1)));
        }

        if (settings.Only.Contains(2))
        {
            results.Add(await Alternate(2, $"Durable single-event appends, {settings.Writers} writers", null, 0.9,
                s => OursSingleAsync(s, settings.ConcurrentAppends, settings.Writers), s => RawSingleAsync(s, settings.ConcurrentAppends, settings.Writers)));
        }

        if (settings.Only.Contains(3))
        {
            var batchWriters = settings.BatchWriters == 1 ? "" : $", {settings.BatchWriters} writers";
            results.Add(await Alternate(3, $"Batched appends, {settings.BatchSize} events per append{batchWriters}", 100_000, null,
                s => OursBatchesAsync(s, settings.Batches), s => RawBatchesAsync(s, settings.Batches)));
            await MeasureCeilingsAsync();
        }

        if (settings.Only.Contains(4) || settings.Only.Contains(5))
        {
            results.AddRange(await FeedAndProjectionAsync());
            PayloadDeserializationRate();
        }

        return results;
    }

    private async Task WarmUpAsync()
    {
        await RunOnFreshSchema(s => OursSingleAsync(s, 50, 4), ours: true);
        await RunOnFreshSchema(s => RawSingleAsync(s, 50, 4), ours: false);
        await RunOnFreshSchema(s => OursBatchesAsync(s, 5), ours: true);
        await RunOnFreshSchema(s => RawBatchesAsync(s, 5), ours: false);
        var ours = await CreateOursAsync();
        var raw = await CreateRawAsync();
        try
        {
            await LoadOursAsync(ours, 5_000);
            await LoadRawAsync(raw, 5_000);
            await OursFeedAsync(ours, 5_000);
            await RawFeedAsync(raw, 5_000);
            await OursProjectionAsync(ours, 5_000);
            await RawProjectionAsync(raw, 5_000);
        }
        finally
        {
            await DropAsync(ours.Schema);
            await DropAsync(raw);
        }
    }

    private async Task<ScenarioResult> Alternate(
        int number, string name, double? targetRate, double? targetRatio, Func<string, Task<double>> ours, Func<string, Task<double>> raw)
    {
        var result = new ScenarioResult(number, name, targetRate, targetRatio, [], []);
        async Task<(double Rate, (double Client, double Server)? Cpu)> Side(bool isOurs) =>
            (await RunOnFreshSchema(isOurs ? ours : raw, isOurs), TakeCpu(isOurs ? result.OursCpu : result.RawCpu));

        for (var round = 1; round <= settings.Rounds; round++)
        {
            // Who goes first alternates: whatever a run leaves behind (dirty pages, a checkpoint, autovacuum of the
            // dropped schema's catalog rows) then falls on each side equally often.
            var oursFirst = round % 2 == 1;
            var first = await Side(oursFirst);
            var second = await Side(!oursFirst);
            var (o, r) = oursFirst ? (first, second) : (second, first);
            result.Ours.Add(o.Rate);
            result.Raw.Add(r.Rate);
            var order = oursFirst ? "ours first" : "raw first";
            Console.WriteLine($"  [{number}] round {round} ({order}): ours {Rate(o.Rate)}/s, raw {Rate(r.Rate)}/s{CpuText(o.Cpu, r.Cpu)}");
        }

        return result;
    }

    /// <summary>Scenario 3's ceiling at its own number of writers and at four, on fresh raw tables, as many rounds as the scenarios.</summary>
    private async Task MeasureCeilingsAsync()
    {
        foreach (var writers in new[] { settings.BatchWriters, 4 }.Distinct())
        {
            var ceiling = new CeilingResult(writers, []);
            for (var round = 1; round <= settings.Rounds; round++)
            {
                ceiling.Rates.Add(await RunOnFreshSchema(async schema =>
                {
                    await ExecuteAsync(Workload.RawSchemaSql(schema));
                    return await CopyCeiling.RunAsync(dataSource, schema, settings.Batches, settings.BatchSize, writers);
                }, ours: false));
            }

            Console.WriteLine($"  [3] ceiling: raw binary COPY of the same batches, {writers} writer(s): {string.Join(", ", ceiling.Rates.Select(Rate))} events/s");
            Ceilings.Add(ceiling);
        }
    }

    /// <summary>Moves the CPU time the last timed section measured into <paramref name="into"/>.</summary>
    private (double Client, double Server)? TakeCpu(List<(double Client, double Server)> into)
    {
        var taken = _lastCpu;
        _lastCpu = null;
        if (taken is { } cpu)
        {
            into.Add(cpu);
        }

        return taken;
    }

    private static string CpuText((double Client, double Server)? ours, (double Client, double Server)? raw) =>
        ours is { } o && raw is { } r
            ? string.Create(CultureInfo.InvariantCulture, $"; CPU per event (us) client ours {o.Client:F0} raw {r.Client:F0}, server ours {o.Server:F0} raw {r.Server:F0}")
            : "";

    /// <summary>Starts measuring a timed section's CPU; <see cref="StopCpu"/> ends it.</summary>
    private CpuTime? StartCpu() => _cpu?.Take();

    private void StopCpu(CpuTime? started, long events) => _lastCpu = started is { } before ? (_cpu!.Take() - before).PerEvent(events) : null;

    /// <summary>Scenarios 4 and 5 share each round's freshly loaded tables: load (untimed), then ours, raw, ours, raw.</summary>
    private async Task<List<ScenarioResult>> FeedAndProjectionAsync()
    {
        var feed = new ScenarioResult(4, $"Global feed read, pages of {settings.PageSize}", 200_000, null, [], []);
        var projection = new ScenarioResult(5, "Projection rebuild from zero (count per stream)", 100_000, null, [], []);
        for (var round = 1; round <= settings.Rounds; round++)
        {
            var ours = await CreateOursAsync();
            var raw = await CreateRawAsync();
            try
            {
                await LoadOursAsync(ours, settings.FeedEvents);
                await LoadRawAsync(raw, settings.FeedEvents);
                await ExecuteAsync($"vacuum (analyze) {ours.Schema}.events");
                await ExecuteAsync($"vacuum (analyze) {raw}.events");
                if (settings.Only.Contains(4))
                {
                    feed.Ours.Add(await OursFeedAsync(ours, settings.FeedEvents));
                    feed.Raw.Add(await RawFeedAsync(raw, settings.FeedEvents));
                    Console.WriteLine($"  [4] round {round}: ours {Rate(feed.Ours[^1])}/s, raw {Rate(feed.Raw[^1])}/s");
                }

                if (settings.Only.Contains(5))
                {
                    projection.Ours.Add(await OursProjectionAsync(ours, settings.FeedEvents));
                    projection.Raw.Add(await RawProjectionAsync(raw, settings.FeedEvents));
                    Console.WriteLine($"  [5] round {round}: ours {Rate(projection.Ours[^1])}/s, raw {Rate(projection.Raw[^1])}/s");
                }
            }
            finally
            {
                await DropAsync(ours.Schema);
                await DropAsync(raw);
            }
        }

        return [.. new[] { feed, projection }.Where(r => settings.Only.Contains(r.Number))];
    }

    /// <summary>
    /// Diagnostic for scenario 4: how fast the engine's serializer alone turns stored payloads into records
    /// (the work ours does per event that the raw reader does not). Printed, not part of the table.
    /// </summary>
    private void PayloadDeserializationRate()
    {
        var serializer = new EventSerializer(Workload.StoreOptions("diag", settings).Types, Workload.Json);
        var payloads = Enumerable.Range(0, 10_000).Select(n => JsonSerializer.SerializeToUtf8Bytes(Workload.Arrest(n), Workload.Json)).ToArray();
        var rates = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < settings.FeedEvents; i++)
            {
                serializer.Deserialize(Workload.TypeName, 1, payloads[i % payloads.Length]);
            }

            rates.Add(settings.FeedEvents / clock.Elapsed.TotalSeconds);
        }

        Console.WriteLine($"  [4] diagnostic: payload deserialization alone (EventSerializer.Deserialize, 1 thread): median {Rate(rates.Order().ElementAt(2))} events/s");
    }

    // ---- Scenarios 1 and 2: single-event durable appends -------------------------------------------------

    private async Task<double> OursSingleAsync(string schema, int appends, int writers)
    {
        var options = Workload.StoreOptions(schema, settings);
        await MigrateAsync(options);
        using var signal = new FeedSignal();
        var store = new Store(dataSource, options, signal);
        var perWriter = appends / writers;
        var streamsPerWriter = Math.Max(1, settings.SingleStreams / writers);

        var cpu = StartCpu();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                var n = ((long)w * perWriter) + i;
                var stream = $"raid-{w:D2}-{i % streamsPerWriter:D3}";
                var @event = new NewEvent(Guid.CreateVersion7(), Workload.Arrest(n), DateTimeOffset.UtcNow, Workload.Metadata($"cmd-{w}-{i}"));
                await store.AppendAsync(stream, ExpectedVersion.Any, [@event]);
            }
        })));
        clock.Stop();
        StopCpu(cpu, perWriter * writers);
        return perWriter * writers / clock.Elapsed.TotalSeconds;
    }

    private async Task<double> RawSingleAsync(string schema, int appends, int writers)
    {
        await ExecuteAsync(Workload.RawSchemaSql(schema));
        var perWriter = appends / writers;
        var streamsPerWriter = Math.Max(1, settings.SingleStreams / writers);
        var sql = $"""
            insert into {schema}.events (stream_id, stream_version, event_id, event_type, schema_version, data,
                actor_id, actor_role, device_id, correlation_id, causation_id, command_id, occurred_at, previous_hash, hash)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
            """;

        var cpu = StartCpu();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            // The raw baseline has no streams table: each writer keeps its streams' versions in memory.
            var versions = new long[streamsPerWriter];
            for (var i = 0; i < perWriter; i++)
            {
                var n = ((long)w * perWriter) + i;
                var s = i % streamsPerWriter;
                var metadata = Workload.Metadata($"cmd-{w}-{i}");
                var arrest = Workload.Arrest(n);
                await using var connection = await dataSource.OpenConnectionAsync();
                await using var command = new NpgsqlCommand(sql, connection);
                command.Parameters.Add(new NpgsqlParameter { Value = $"raid-{w:D2}-{s:D3}" });
                command.Parameters.Add(new NpgsqlParameter { Value = ++versions[s] });
                command.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
                command.Parameters.Add(new NpgsqlParameter { Value = Workload.TypeName });
                command.Parameters.Add(new NpgsqlParameter { Value = 1 });
                command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(arrest, Workload.Json) });
                AddText(command, metadata.ActorId);
                AddText(command, metadata.ActorRole);
                AddText(command, metadata.DeviceId);
                AddText(command, metadata.CorrelationId);
                AddText(command, metadata.CausationId);
                AddText(command, metadata.CommandId);
                command.Parameters.Add(new NpgsqlParameter { Value = DateTime.UtcNow });
                command.Parameters.Add(new NpgsqlParameter { Value = Workload.FixedHash });
                command.Parameters.Add(new NpgsqlParameter { Value = Workload.FixedHash });
                if (settings.RawPrepared)
                {
                    await command.PrepareAsync();
                }

                await command.ExecuteNonQueryAsync();
            }
        })));
        clock.Stop();
        StopCpu(cpu, perWriter * writers);
        return perWriter * writers / clock.Elapsed.TotalSeconds;
    }

    // ---- Scenario 3: batched appends -------------------------------------------------------------------

    private async Task<double> OursBatchesAsync(string schema, int batches)
    {
        var options = Workload.StoreOptions(schema, settings);
        await MigrateAsync(options);
        using var signal = new FeedSignal();
        var store = new Store(dataSource, options, signal);
        var perWriter = batches / settings.BatchWriters;
        var events = (long)perWriter * settings.BatchWriters * settings.BatchSize;

        var cpu = StartCpu();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, settings.BatchWriters).Select(w => Task.Run(async () =>
        {
            for (var b = 0; b < perWriter; b++)
            {
                await store.AppendAsync($"raid-batch-{w}", ExpectedVersion.Any, OursBatch((w * perWriter) + b, settings.BatchSize));
            }
        })));

        clock.Stop();
        StopCpu(cpu, events);
        return events / clock.Elapsed.TotalSeconds;
    }

    private async Task<double> RawBatchesAsync(string schema, int batches)
    {
        await ExecuteAsync(Workload.RawSchemaSql(schema));
        var perWriter = batches / settings.BatchWriters;
        var events = (long)perWriter * settings.BatchWriters * settings.BatchSize;

        var cpu = StartCpu();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, settings.BatchWriters).Select(w => Task.Run(async () =>
        {
            long version = 0;
            for (var b = 0; b < perWriter; b++)
            {
                await RawInsertBatchAsync(schema, $"raid-batch-{w}", version, (w * perWriter) + b, settings.BatchSize);
                version += settings.BatchSize;
            }
        })));

        clock.Stop();
        StopCpu(cpu, events);
        return events / clock.Elapsed.TotalSeconds;
    }

    private static NewEvent[] OursBatch(int batch, int size)
    {
        var events = new NewEvent[size];
        var metadata = Workload.Metadata($"cmd-batch-{batch}");
        for (var i = 0; i < size; i++)
        {
            events[i] = new NewEvent(Guid.CreateVersion7(), Workload.Arrest(((long)batch * size) + i), DateTimeOffset.UtcNow, metadata);
        }

        return events;
    }

    /// <summary>One multi-row insert (unnest of per-event arrays) in its own transaction: the same data ours sends.</summary>
    private async Task RawInsertBatchAsync(string schema, string streamId, long versionBefore, int batch, int size)
    {
        var versions = new long[size];
        var ids = new Guid[size];
        var types = new string[size];
        var schemaVersions = new int[size];
        var data = new string[size];
        var actorIds = new string?[size];
        var actorRoles = new string?[size];
        var deviceIds = new string?[size];
        var correlationIds = new string?[size];
        var causationIds = new string?[size];
        var commandIds = new string?[size];
        var occurredAt = new DateTime[size];
        var metadata = Workload.Metadata($"cmd-batch-{batch}");
        for (var i = 0; i < size; i++)
        {
            versions[i] = versionBefore + i + 1;
            ids[i] = Guid.CreateVersion7();
            types[i] = Workload.TypeName;
            schemaVersions[i] = 1;
            data[i] = JsonSerializer.Serialize(Workload.Arrest(((long)batch * size) + i), Workload.Json);
            actorIds[i] = metadata.ActorId;
            actorRoles[i] = metadata.ActorRole;
            deviceIds[i] = metadata.DeviceId;
            correlationIds[i] = metadata.CorrelationId;
            causationIds[i] = metadata.CausationId;
            commandIds[i] = metadata.CommandId;
            occurredAt[i] = DateTime.UtcNow;
        }

        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand($"""
            insert into {schema}.events (stream_id, stream_version, event_id, event_type, schema_version, data,
                actor_id, actor_role, device_id, correlation_id, causation_id, command_id, occurred_at, previous_hash, hash)
            select $1, v, id, t, sv, d, a, r, dev, cor, cau, cmd, occ, $14, $14
              from unnest($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                   as u(v, id, t, sv, d, a, r, dev, cor, cau, cmd, occ)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        AddArray(command, NpgsqlDbType.Bigint, versions);
        AddArray(command, NpgsqlDbType.Uuid, ids);
        AddArray(command, NpgsqlDbType.Text, types);
        AddArray(command, NpgsqlDbType.Integer, schemaVersions);
        AddArray(command, NpgsqlDbType.Jsonb, data);
        AddArray(command, NpgsqlDbType.Text, actorIds);
        AddArray(command, NpgsqlDbType.Text, actorRoles);
        AddArray(command, NpgsqlDbType.Text, deviceIds);
        AddArray(command, NpgsqlDbType.Text, correlationIds);
        AddArray(command, NpgsqlDbType.Text, causationIds);
        AddArray(command, NpgsqlDbType.Text, commandIds);
        AddArray(command, NpgsqlDbType.TimestampTz, occurredAt);
        command.Parameters.Add(new NpgsqlParameter { Value = Workload.FixedHash });
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    // ---- Scenarios 4 and 5: global feed read and projection rebuild ------------------------------------

    private sealed record OursStore(string Schema, EventStoreOptions Options);

    private async Task<OursStore> CreateOursAsync()
    {
        var schema = NextSchema("o");
        var options = Workload.StoreOptions(schema, settings);
        await MigrateAsync(options);
        await ExecuteAsync(Workload.CountsTableSql(schema));
        return new OursStore(schema, options);
    }

    private async Task<string> CreateRawAsync()
    {
        var schema = NextSchema("r");
        await ExecuteAsync(Workload.RawSchemaSql(schema));
        return schema;
    }

    private async Task LoadOursAsync(OursStore ours, int events)
    {
        using var signal = new FeedSignal();
        var store = new Store(dataSource, ours.Options, signal);
        var batches = events / settings.LoadBatchSize;
        for (var b = 0; b < batches; b++)
        {
            await store.AppendAsync($"raid-{b % settings.LoadStreams:D3}", ExpectedVersion.Any, OursBatch(b, settings.LoadBatchSize));
        }
    }

    private async Task LoadRawAsync(string schema, int events)
    {
        var batches = events / settings.LoadBatchSize;
        var versions = new long[settings.LoadStreams];
        for (var b = 0; b < batches; b++)
        {
            var s = b % settings.LoadStreams;
            await RawInsertBatchAsync(schema, $"raid-{s:D3}", versions[s], b, settings.LoadBatchSize);
            versions[s] += settings.LoadBatchSize;
        }
    }

    private async Task<double> OursFeedAsync(OursStore ours, int events)
    {
        using var signal = new FeedSignal();
        var feed = new EventFeed(dataSource, ours.Options, signal);
        var position = FeedPosition.Start;
        var read = 0;

        var clock = Stopwatch.StartNew();
        while (read < events)
        {
            var page = await feed.ReadPageAsync(position, settings.PageSize);
            if (page.Events.Count == 0)
            {
                throw new InvalidOperationException($"The feed ended after {read} of {events} events (held back: {page.HeldBack}).");
            }

            read += page.Events.Count;
            position = page.LastPosition!.Value;
        }

        clock.Stop();
        return read / clock.Elapsed.TotalSeconds;
    }

    private async Task<double> RawFeedAsync(string schema, int events)
    {
        var sql = RawPageSql(schema);
        long position = 0;
        var read = 0;

        var clock = Stopwatch.StartNew();
        while (read < events)
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            var page = await ReadRawPageAsync(connection, sql, position);
            if (page.Count == 0)
            {
                throw new InvalidOperationException($"The raw table ended after {read} of {events} events.");
            }

            read += page.Count;
            position = page[^1].GlobalPosition;
        }

        clock.Stop();
        return read / clock.Elapsed.TotalSeconds;
    }

    /// <summary>From the start of the runner until its committed checkpoint reaches the last event.</summary>
    private async Task<double> OursProjectionAsync(OursStore ours, int events)
    {
        long last;
        await using (var max = dataSource.CreateCommand($"select max(global_position) from {ours.Schema}.events"))
        {
            last = (long)(await max.ExecuteScalarAsync())!;
        }

        using var signal = new FeedSignal();
        var feed = new EventFeed(dataSource, ours.Options, signal);
        var projection = new CountingProjection(ours.Schema);
        var runner = new ProjectionRunner(projection, dataSource, ours.Options, feed, signal, NullLogger.Instance);
        using var stop = new CancellationTokenSource();

        var clock = Stopwatch.StartNew();
        var running = runner.RunAsync(stop.Token);
        await using (var checkpoint = dataSource.CreateCommand($"select last_position from {ours.Schema}.projections where name = $1"))
        {
            checkpoint.Parameters.Add(new NpgsqlParameter { Value = projection.Name });
            while (true)
            {
                // The runner signals a horizon move after every committed page; take it before looking.
                var pageCommitted = signal.NextHorizonMove();
                if (await checkpoint.ExecuteScalarAsync() is long position && position >= last)
                {
                    break;
                }

                if (running.IsCompleted)
                {
                    await running;
                    throw new InvalidOperationException("The projection runner stopped early.");
                }

                try
                {
                    await pageCommitted.WaitAsync(TimeSpan.FromSeconds(1));
                }
                catch (TimeoutException)
                {
                    // Look at the checkpoint anyway.
                }
            }
        }

        clock.Stop();
        await stop.CancelAsync();
        await running;
        await VerifyCountsAsync(ours.Schema, events);
        return events / clock.Elapsed.TotalSeconds;
    }

    private async Task<double> RawProjectionAsync(string schema, int events)
    {
        var sql = RawPageSql(schema);
        long position = 0;
        var read = 0;

        var clock = Stopwatch.StartNew();
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            while (read < events)
            {
                await using var transaction = await connection.BeginTransactionAsync();
                var page = await ReadRawPageAsync(connection, sql, position);
                if (page.Count == 0)
                {
                    throw new InvalidOperationException($"The raw table ended after {read} of {events} events.");
                }

                await using (var upsert = new NpgsqlBatch(connection) { BatchCommands = { Workload.CountUpsert(schema, page.Select(e => e.StreamId).ToArray()) } })
                {
                    await upsert.ExecuteNonQueryAsync();
                }

                await transaction.CommitAsync();
                read += page.Count;
                position = page[^1].GlobalPosition;
            }
        }

        clock.Stop();
        await VerifyCountsAsync(schema, events);
        return read / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Keyset paging over the raw table; the same 16 columns the engine reads (all but the two hashes).</summary>
    private string RawPageSql(string schema) => $"""
        select global_position, transaction_id, stream_id, stream_version, event_id, event_type, schema_version, data,
               actor_id, actor_role, device_id, correlation_id, causation_id, command_id, occurred_at, recorded_at
          from {schema}.events
         where global_position > $1
         order by global_position
         limit {settings.PageSize.ToString(CultureInfo.InvariantCulture)}
        """;

    private sealed record RawEvent(
        long GlobalPosition, ulong TransactionId, string StreamId, long StreamVersion, Guid EventId, string EventType, int SchemaVersion,
        string Data, string? ActorId, string? ActorRole, string? DeviceId, string? CorrelationId, string? CausationId, string? CommandId,
        DateTimeOffset OccurredAt, DateTimeOffset RecordedAt);

    private static async Task<List<RawEvent>> ReadRawPageAsync(NpgsqlConnection connection, string sql, long after)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = after });
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<RawEvent>();
        while (await reader.ReadAsync())
        {
            events.Add(new RawEvent(
                reader.GetInt64(0), reader.GetFieldValue<ulong>(1), reader.GetString(2), reader.GetInt64(3), reader.GetGuid(4),
                reader.GetString(5), reader.GetInt32(6), reader.GetString(7),
                Nullable(reader, 8), Nullable(reader, 9), Nullable(reader, 10), Nullable(reader, 11), Nullable(reader, 12), Nullable(reader, 13),
                reader.GetFieldValue<DateTimeOffset>(14), reader.GetFieldValue<DateTimeOffset>(15)));
        }

        return events;
    }

    private async Task VerifyCountsAsync(string schema, int events)
    {
        await using var command = dataSource.CreateCommand($"select coalesce(sum(events), 0)::bigint from {schema}.counts");
        var counted = (long)(await command.ExecuteScalarAsync())!;
        if (counted != events)
        {
            throw new InvalidOperationException($"The projection in {schema} counted {counted} events, expected {events}.");
        }
    }

    // ---- Helpers ---------------------------------------------------------------------------------------

    private async Task<double> RunOnFreshSchema(Func<string, Task<double>> run, bool ours)
    {
        var schema = NextSchema(ours ? "o" : "r");
        try
        {
            return await run(schema);
        }
        finally
        {
            await DropAsync(schema);
        }
    }

    private string NextSchema(string prefix) => $"bench_{prefix}{Interlocked.Increment(ref _schemaCounter):D3}";

    private async Task MigrateAsync(EventStoreOptions options)
    {
        await new SchemaMigrator(dataSource, options, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
    }

    private async Task DropAsync(string schema) => await ExecuteAsync($"drop schema if exists {schema} cascade");

    private async Task ExecuteAsync(string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static void AddText(NpgsqlCommand command, string? value) =>
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value });

    private static void AddArray(NpgsqlCommand command, NpgsqlDbType elementType, object values) =>
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | elementType, Value = values });

    private static string? Nullable(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static string Rate(double rate) => rate.ToString("N0", CultureInfo.InvariantCulture);
}
