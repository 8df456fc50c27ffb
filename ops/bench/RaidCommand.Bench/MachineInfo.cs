using System.Globalization;
using System.Text;
using Npgsql;

namespace RaidCommand.Bench;

/// <summary>What the numbers were measured on: hardware, kernel, PostgreSQL version and the settings that matter.</summary>
internal sealed record MachineInfo(string Cpu, int Cores, string Memory, string Kernel, string Postgres, IReadOnlyList<(string Name, string Value)> Settings)
{
    private static readonly string[] SettingNames =
    [
        "fsync", "synchronous_commit", "full_page_writes", "wal_sync_method", "wal_level", "shared_buffers",
        "work_mem", "max_wal_size", "checkpoint_timeout", "commit_delay", "jit", "max_connections",
    ];

    public string Summary => string.Join(Environment.NewLine, new[]
    {
        $"Machine: {Cpu}, {Cores} cores, {Memory} RAM, kernel {Kernel}",
        $"PostgreSQL: {Postgres}",
        "Settings: " + string.Join(", ", Settings.Select(s => $"{s.Name}={s.Value}")),
    });

    public static async Task<MachineInfo> CollectAsync(NpgsqlDataSource dataSource)
    {
        var cpu = ReadFirst("/proc/cpuinfo", "model name") ?? "unknown";
        var memKb = ReadFirst("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        var memory = memKb is null
            ? "unknown"
            : (long.Parse(memKb, CultureInfo.InvariantCulture) / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture) + " GiB";
        var kernel = File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : Environment.OSVersion.VersionString;

        await using var version = dataSource.CreateCommand("select version()");
        var postgres = (string)(await version.ExecuteScalarAsync())!;

        var settings = new List<(string, string)>();
        await using var show = dataSource.CreateCommand(
            "select name, setting || coalesce(' ' || unit, '') from pg_settings where name = any($1) order by array_position($1, name)");
        show.Parameters.Add(new NpgsqlParameter { Value = SettingNames });
        await using var reader = await show.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            settings.Add((reader.GetString(0), reader.GetString(1)));
        }

        return new MachineInfo(cpu, Environment.ProcessorCount, memory, kernel, postgres, settings);
    }

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"- CPU: {Cpu}, {Cores} cores (`nproc`)");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Memory: {Memory}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Kernel: {Kernel}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- PostgreSQL: {Postgres}");
        var settings = string.Join(", ", Settings.Select(s => $"`{s.Name}={s.Value}`"));
        text.AppendLine(CultureInfo.InvariantCulture, $"- Cluster settings (embedded cluster, `Durable = true`, otherwise initdb defaults): {settings}");
        return text.ToString();
    }

    private static string? ReadFirst(string file, string key)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
