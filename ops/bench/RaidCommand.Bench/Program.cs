using RaidCommand.EventStore;
using System.Diagnostics;
using System.Globalization;
using Npgsql;
using RaidCommand.Bench;
using RaidCommand.EmbeddedPostgres;

// RaidCommand benchmark: our event store against raw Npgsql on the same durable PostgreSQL cluster.
// Usage: ops/bench/run [--quick] [--rounds N] [--output docs/benchmarks.md] [--only 1,2,...] | --time-travel [--quick]
var settings = BenchSettings.Parse(args);
var root = Path.Combine(Path.GetTempPath(), $"raidcommand-bench-{Guid.NewGuid():N}"[..32]);
Directory.CreateDirectory(root);
if (!OperatingSystem.IsWindows())
{
    // The postgres account must reach the data folder inside it.
    File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
}

var clock = Stopwatch.StartNew();
EmbeddedPostgresCluster? cluster = null;
try
{
    // For profiling only: RAIDCOMMAND_BENCH_PG points the run at an existing server (its database must exist).
    var connectionString = Environment.GetEnvironmentVariable("RAIDCOMMAND_BENCH_PG");
    if (string.IsNullOrEmpty(connectionString))
    {
        Console.WriteLine($"Starting a durable PostgreSQL cluster in {root} ...");
        cluster = await EmbeddedPostgresCluster.StartAsync(new EmbeddedPostgresOptions
        {
            DataDirectory = Path.Combine(root, "pg"),
            Durable = true,
            RequirePassword = false,
        });
        connectionString = await cluster.CreateDatabaseAsync("bench");
    }
    if (settings.ConnectionOptions is not null)
    {
        connectionString += ";" + settings.ConnectionOptions;
        Console.WriteLine($"Extra connection options for both sides: {settings.ConnectionOptions}");
    }

    // Exactly the settings the server applies to its own data source.
    await using var dataSource = NpgsqlDataSource.Create(EventStoreConnectionSettings.Apply(connectionString));
    var machine = await MachineInfo.CollectAsync(dataSource);
    Console.WriteLine(machine.Summary);

    if (settings.TimeTravel)
    {
        await TimeTravel.RunAsync(dataSource, settings.Quick ? 10 : 50, settings.Rounds);
        return;
    }

    var scenarios = new Scenarios(dataSource, settings);
    var results = await scenarios.RunAllAsync();
    Console.WriteLine();
    Console.WriteLine(Report.Table(results, markdown: false));
    Console.Write(Report.Ceilings(scenarios.Ceilings));
    Console.WriteLine($"Total time {clock.Elapsed.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture)} s");

    if (settings.Output is not null)
    {
        Report.WriteMarkdown(settings, machine, results, scenarios.Ceilings, clock.Elapsed);
        Console.WriteLine($"Wrote {settings.Output}");
    }
}
finally
{
    if (cluster is not null)
    {
        await cluster.StopAsync();
    }

    Directory.Delete(root, recursive: true);
}
