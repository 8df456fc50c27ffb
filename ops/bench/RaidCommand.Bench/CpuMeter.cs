using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace RaidCommand.Bench;

/// <summary>CPU time spent, split between this process (the client) and the PostgreSQL cluster (the server).</summary>
internal readonly record struct CpuTime(TimeSpan Client, TimeSpan Server)
{
    public static CpuTime operator -(CpuTime after, CpuTime before) => new(after.Client - before.Client, after.Server - before.Server);

    /// <summary>Microseconds of CPU per event, client and server.</summary>
    public (double Client, double Server) PerEvent(long events) =>
        (Client.TotalMicroseconds / events, Server.TotalMicroseconds / events);
}

/// <summary>
/// Reads the CPU time of this process and of the benchmark's PostgreSQL cluster, so a scenario can say where its time
/// went: a rate alone cannot tell client work from server work when both share two cores. The cluster's time is its
/// postmaster's own, its live children's (the backends), and what its reaped children left in its cumulative fields.
/// Linux only (it reads /proc); elsewhere no meter is made.
/// </summary>
internal sealed class CpuMeter(int postmasterPid)
{
    /// <summary>/proc reports in USER_HZ, which the kernel fixes at 100 on every architecture .NET runs on.</summary>
    private const double TicksPerSecond = 100;

    public static async Task<CpuMeter?> CreateAsync(NpgsqlDataSource dataSource)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        await using var command = dataSource.CreateCommand("select pg_backend_pid()");
        var backend = (int)(await command.ExecuteScalarAsync())!;
        return ReadStat(backend) is { } stat ? new CpuMeter(stat.ParentPid) : null;
    }

    public CpuTime Take()
    {
        var client = Process.GetCurrentProcess().TotalProcessorTime;
        double ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            if (ReadStat(pid) is not { } stat)
            {
                continue;
            }

            if (pid == postmasterPid)
            {
                ticks += stat.User + stat.System + stat.ChildrenUser + stat.ChildrenSystem;
            }
            else if (stat.ParentPid == postmasterPid)
            {
                ticks += stat.User + stat.System;
            }
        }

        return new CpuTime(client, TimeSpan.FromSeconds(ticks / TicksPerSecond));
    }

    private sealed record Stat(int ParentPid, long User, long System, long ChildrenUser, long ChildrenSystem);

    /// <summary>Fields of /proc/PID/stat after the command name (which may hold spaces, so it is skipped by its closing parenthesis).</summary>
    private static Stat? ReadStat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null; // the process ended meanwhile
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17.
        return new Stat(
            int.Parse(fields[1], CultureInfo.InvariantCulture),
            long.Parse(fields[11], CultureInfo.InvariantCulture),
            long.Parse(fields[12], CultureInfo.InvariantCulture),
            long.Parse(fields[13], CultureInfo.InvariantCulture),
            long.Parse(fields[14], CultureInfo.InvariantCulture));
    }
}
