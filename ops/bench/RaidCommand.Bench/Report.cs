using System.Globalization;
using System.Text;

namespace RaidCommand.Bench;

/// <summary>
/// Prints the results table and writes the "## Event store engine" section of the results file, keeping every
/// other "## " section of that file (SignalR latency, time travel, ...) as it is.
/// </summary>
internal static class Report
{
    public const string SectionHeader = "## Event store engine";

    /// <summary>The hand-written interpretation, kept next to the program and copied into the section.</summary>
    private const string ReadingFile = "ops/bench/RaidCommand.Bench/reading.md";

    public static string Table(IReadOnlyList<ScenarioResult> results, bool markdown)
    {
        string[] header = ["#", "Scenario", "Ours median (events/s)", "Raw median (events/s)", "Ours / raw", "Target", "Met?"];
        var rows = results.Select(r => new[]
        {
            r.Number.ToString(CultureInfo.InvariantCulture), r.Name, Scenarios.Rate(r.OursMedian), Scenarios.Rate(r.RawMedian),
            r.Ratio.ToString("0.00", CultureInfo.InvariantCulture), r.TargetText, r.Met ? "yes" : "**no**",
        }).ToList();

        var text = new StringBuilder();
        if (markdown)
        {
            text.AppendLine("| " + string.Join(" | ", header) + " |");
            text.AppendLine("|" + string.Join("|", header.Select((_, i) => i is 2 or 3 or 4 ? "---:" : "---")) + "|");
            foreach (var row in rows)
            {
                text.AppendLine("| " + string.Join(" | ", row) + " |");
            }
        }
        else
        {
            var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Replace("**", "", StringComparison.Ordinal).Length))).ToArray();
            text.AppendLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))));
            foreach (var row in rows)
            {
                text.AppendLine(string.Join("  ", row.Select((c, i) => c.Replace("**", "", StringComparison.Ordinal).PadRight(widths[i]))));
            }
        }

        return text.ToString();
    }

    /// <summary>Scenario 3's ceiling, one line per number of writers; empty when it was not measured.</summary>
    public static string Ceilings(IReadOnlyList<CeilingResult> ceilings)
    {
        var text = new StringBuilder();
        foreach (var ceiling in ceilings)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"Scenario 3's ceiling, raw binary COPY of the same batches into the same table shape, {ceiling.Writers} writer{(ceiling.Writers == 1 ? "" : "s")}: median {Scenarios.Rate(ceiling.Median)} events/s (rounds: {string.Join(", ", ceiling.Rates.Select(Scenarios.Rate))})");
        }

        return text.ToString();
    }

    public static void WriteMarkdown(
        BenchSettings settings, MachineInfo machine, IReadOnlyList<ScenarioResult> results, IReadOnlyList<CeilingResult> ceilings, TimeSpan elapsed)
    {
        var path = settings.Output!;
        var section = new StringBuilder();
        section.AppendLine(SectionHeader);
        section.AppendLine();
        section.AppendLine(CultureInfo.InvariantCulture,
            $"Measured by `ops/bench/run{(settings.Quick ? " --quick" : "")} --rounds {settings.Rounds} --output {path}` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC (run took {elapsed.TotalMinutes:F1} min).");
        section.AppendLine();
        section.AppendLine("### Machine");
        section.AppendLine();
        section.Append(machine.Markdown());
        section.AppendLine();
        section.AppendLine("### Method");
        section.AppendLine();
        section.AppendLine(CultureInfo.InvariantCulture, $"""
            - The program starts its own **durable** embedded PostgreSQL cluster (`fsync=on`, `synchronous_commit=on`,
              `full_page_writes=on`) in a fresh folder under /tmp, creates a database, runs every scenario, then stops
              and deletes the cluster. Every append therefore waits for its WAL flush: these are durable appends.
            - Both sides use one `NpgsqlDataSource` with exactly the connection settings the server uses
              (`EventStoreConnectionSettings`: `No Reset On Close`; no `Max Auto Prepare`, no multiplexing), so neither
              side gets a connection-string advantage.
            - Each scenario runs **ours** (the RaidCommand event store) and a **raw** Npgsql baseline one after
              the other for {settings.Rounds} rounds (scenarios 1-3: ours first in odd rounds, raw first in even ones, so
              whatever a run leaves behind falls on both sides alike), each run on **fresh tables** (a new event store schema, a new raw table;
              dropped afterwards). The table reports the **median** rate of each side and the ratio of the medians;
              the machine is shared and noisy, so no means and no best-of. An untimed warm-up runs first.
            - The raw table has the shape of `eventstore.events`: the same columns and types (jsonb data, uuid event id,
              text stream id, timestamptz, `xid8 default pg_current_xact_id()`, 32-byte bytea hashes filled with fixed
              bytes), the same primary key, unique `(stream_id, stream_version)`, unique `event_id`,
              `(transaction_id, global_position)` index and partial `command_id` index. Raw writes are ordinary
              Npgsql commands carrying the same payload JSON (serialized with the same System.Text.Json options) and
              the same metadata; raw supplies `stream_version` from an in-memory per-stream counter.
            - Payload: an `ArrestMade` record (`personTag`, `siteId`, `teamId`, `note`) registered as `raid.arrest-made`
              (about 150 bytes of JSON), with actor, role, device, correlation and command id metadata.
            - Ours does, by design, work the raw insert does not: the stream lock, the expected-version check, the
              SHA-256 hash chain, the `streams` row upsert (scenarios 1-3); the gap-free horizon column and payload
              deserialization into the CLR record (scenario 4); the checkpoint lock and update (scenario 5). The ratio is
              the price of those guarantees. Idempotency costs ours nothing extra on these paths: the unique index on
              `event_id` that both tables have is what enforces it, and the lookup of what is stored runs only after a
              failed append.
            - Ours prepares its single-event append (scenarios 1 and 2: a two-statement batch, prepared once per
              pooled connection); raw's inserts are plain unprepared commands, as a hand-written insert is.{(settings.RawPrepared ? " **In this run raw's single-event inserts were prepared too (`--raw-prepared`).**" : " `--raw-prepared` prepares raw's too, for comparison.")}
            - Ours groups concurrent appends (group commit, `EventStoreOptions.ConcurrentAppendWrites` = {settings.ConcurrentAppendWrites ?? new RaidCommand.EventStore.EventStoreOptions().ConcurrentAppendWrites}{(settings.ConcurrentAppendWrites is null ? ", the default" : ", set by `--append-writes`")}):
              appends that arrive while that many are being written wait and are then written together, one transaction
              for the lot, each with its own answer. Only scenario 2 has concurrent appends. Raw commits every insert on
              its own, as a hand-written insert does. `--append-writes 0` turns grouping off.

            | # | Ours | Raw |
            |---|---|---|
            | 1 | {settings.SingleAppends:N0} `AppendAsync` calls of one event, round-robin over {settings.SingleStreams} streams, `ExpectedVersion.Any`, 1 writer | one autocommit `INSERT` per event |
            | 2 | {settings.ConcurrentAppends:N0} appends by {settings.Writers} concurrent writers, each on its own {settings.SingleStreams / settings.Writers} streams | the same with one autocommit `INSERT` per event |
            | 3 | {settings.Batches} appends of {settings.BatchSize} events to one stream{(settings.BatchWriters == 1 ? "" : $" each, by {settings.BatchWriters} concurrent writers with a stream each")} | one `insert ... select from unnest(arrays)` per batch in its own transaction |
            | 4 | `EventFeed.ReadPageAsync` from `FeedPosition.Start` to the end, pages of {settings.PageSize:N0}, over {settings.FeedEvents:N0} events | keyset pages `where global_position > $1 order by global_position limit {settings.PageSize}`, the same 16 columns, jsonb read as string |
            | 5 | `ProjectionRunner` from zero (fresh checkpoint), page size {settings.PageSize:N0}, one set-based upsert per page counting events per stream; timed until the committed checkpoint reaches the last position | the same pages and the same upsert, one transaction per page, no checkpoint |

            Scenarios 4 and 5 share each round's tables: {settings.FeedEvents:N0} events are loaded (untimed, {settings.LoadBatchSize:N0} events per
            append over {Math.Min(settings.LoadStreams, settings.FeedEvents / settings.LoadBatchSize)} streams) into both, both tables are vacuumed and analyzed, then ours and raw read, then ours and raw project.
            """);
        if (settings.ConnectionOptions is not null)
        {
            section.AppendLine();
            section.AppendLine(CultureInfo.InvariantCulture,
                $"**This run added `{settings.ConnectionOptions}` to the connection string of both sides; the server does not use it.**");
        }

        section.AppendLine();
        section.AppendLine("### Results");
        section.AppendLine();
        section.Append(Table(results, markdown: true));
        section.AppendLine();
        section.AppendLine("Per-round rates (events/s), in run order:");
        section.AppendLine();
        foreach (var r in results)
        {
            section.AppendLine(CultureInfo.InvariantCulture,
                $"- {r.Number}: ours {string.Join(", ", r.Ours.Select(Scenarios.Rate))}; raw {string.Join(", ", r.Raw.Select(Scenarios.Rate))}");
        }

        var ceilingLines = Ceilings(ceilings);
        if (ceilingLines.Length > 0)
        {
            section.AppendLine();
            section.AppendLine("What this machine can store at all (binary `COPY`, one transaction per batch; not a baseline for ours, whose appends need");
            section.AppendLine("the lock, the version check and the hash chain inside one round trip):");
            section.AppendLine();
            foreach (var line in ceilingLines.TrimEnd().Split('\n'))
            {
                section.AppendLine("- " + line.TrimEnd());
            }
        }

        section.AppendLine();
        section.Append(CpuTable(results));
        if (File.Exists(ReadingFile))
        {
            section.AppendLine(File.ReadAllText(ReadingFile).TrimEnd());
            section.AppendLine();
        }

        File.WriteAllText(path, Merge(File.Exists(path) ? File.ReadAllText(path) : null, section.ToString()));
    }

    /// <summary>Where the appends' time went: CPU per event of the client (the benchmark process) and of the server (the cluster).</summary>
    private static string CpuTable(IReadOnlyList<ScenarioResult> results)
    {
        var measured = results.Where(r => r.OursCpu.Count > 0 && r.RawCpu.Count > 0).ToList();
        if (measured.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder();
        text.AppendLine("CPU time per event (microseconds, medians of the rounds), read from /proc for this process (client) and for the");
        text.AppendLine("cluster's processes (server). Both sides share the same two cores, so under concurrency the totals bound the rates:");
        text.AppendLine();
        text.AppendLine("| # | client ours | client raw | server ours | server raw | total ours / total raw |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var r in measured)
        {
            var (oc, os) = (ScenarioResult.Median([.. r.OursCpu.Select(c => c.Client)]), ScenarioResult.Median([.. r.OursCpu.Select(c => c.Server)]));
            var (rc, rs) = (ScenarioResult.Median([.. r.RawCpu.Select(c => c.Client)]), ScenarioResult.Median([.. r.RawCpu.Select(c => c.Server)]));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Number} | {oc:F0} | {rc:F0} | {os:F0} | {rs:F0} | {(oc + os) / (rc + rs):F2} |");
        }

        text.AppendLine();
        return text.ToString();
    }

    /// <summary>Replaces our section in the existing file, or adds it; other sections are kept verbatim and in place.</summary>
    private static string Merge(string? existing, string section)
    {
        if (existing is null)
        {
            return "# Benchmarks\n\n" + section;
        }

        var lines = existing.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var start = lines.FindIndex(l => l.TrimEnd() == SectionHeader);
        if (start < 0)
        {
            return existing.TrimEnd() + "\n\n" + section;
        }

        var end = lines.FindIndex(start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
        var before = string.Join('\n', lines.Take(start)).TrimEnd('\n');
        before = before.Length > 0 ? before + "\n\n" : "";
        var after = end < 0 ? "" : string.Join('\n', lines.Skip(end));
        return before + section + (after.Length > 0 ? "\n" + after : "");
    }
}
