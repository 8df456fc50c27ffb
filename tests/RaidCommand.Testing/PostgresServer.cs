using Npgsql;
using RaidCommand.EmbeddedPostgres;

namespace RaidCommand.Testing;

/// <summary>
/// The PostgreSQL server tests run against: one throwaway embedded cluster per test process, started on first use
/// in a fresh folder under the temp directory and stopped and deleted when the process exits.
/// When <see cref="ExternalServerVariable"/> holds a connection string, that server is used instead.
/// </summary>
public static class PostgresServer
{
    /// <summary>Environment variable with a superuser connection string of a server to use instead of the embedded one.</summary>
    public const string ExternalServerVariable = "RAIDCOMMAND_TEST_PG";

    private const string FolderPrefix = "raidcommand-test-pg-";

    private static readonly Lazy<Task<string>> AdminConnectionString = new(StartAsync);

    /// <summary>A superuser connection string for the server's <c>postgres</c> database.</summary>
    public static Task<string> GetAdminConnectionStringAsync() => AdminConnectionString.Value;

    private static async Task<string> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable(ExternalServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new NpgsqlConnectionStringBuilder(external) { Database = "postgres" }.ConnectionString;
        }

        await RemoveClustersOfDeadTestRunsAsync();

        // Under the temp root because the postgres account can reach it, unlike a home or work folder it may not.
        var root = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        var cluster = await EmbeddedPostgresCluster.StartAsync(ThrowawayOptions(root));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAndDelete(cluster, root);
        StartCleanupWatchdog(cluster, root);
        return cluster.ConnectionString;
    }

    private static EmbeddedPostgresOptions ThrowawayOptions(string root) => new()
    {
        DataDirectory = Path.Combine(root, "data"),
        Durable = false,
        RequirePassword = false,
        DataDirectorySettingName = "the temp folder (TMPDIR)",
    };

    private static void StopAndDelete(EmbeddedPostgresCluster cluster, string root)
    {
        try
        {
            cluster.StopAsync().GetAwaiter().GetResult();
            Directory.Delete(root, recursive: true);
        }
        catch (Exception exception) when (exception is EmbeddedPostgresException or IOException or UnauthorizedAccessException)
        {
            // Process exit is no place to throw; the next test run sweeps whatever is left.
            Console.Error.WriteLine($"Could not clean up the test PostgreSQL cluster in {root}: {exception.Message}");
        }
    }

    /// <summary>
    /// The test host may be killed (hang timeout, crash, or the runner ending it right after the run) before or
    /// during ProcessExit. A detached shell outlives it, waits for it to end, then stops and deletes the cluster.
    /// </summary>
    private static void StartCleanupWatchdog(EmbeddedPostgresCluster cluster, string root)
    {
        const string Script = """
            exec </dev/null >/dev/null 2>&1
            while kill -0 "$1"; do sleep 1; done
            if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$2/pg_ctl" stop -D "$3" -m immediate; else "$2/pg_ctl" stop -D "$3" -m immediate; fi
            rm -rf "$4"
            """;
        var startInfo = new System.Diagnostics.ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var argument in new[] { "sh", "-c", Script, "sh", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), cluster.BinDirectory, cluster.DataDirectory, root })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var watchdog = System.Diagnostics.Process.Start(startInfo);
    }

    /// <summary>A test process that was killed leaves its cluster running; stop and delete those whose process is gone.</summary>
    private static async Task RemoveClustersOfDeadTestRunsAsync()
    {
        foreach (var root in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var name = Path.GetFileName(root)[FolderPrefix.Length..];
            var pidText = name.Split('-')[0];
            if (!int.TryParse(pidText, out var pid) || Directory.Exists($"/proc/{pid}"))
            {
                continue;
            }

            try
            {
                if (!File.Exists(Path.Combine(root, "data", "postmaster.pid")))
                {
                    // Its server was stopped, but the test host was ended before it could delete the folder.
                    Directory.Delete(root, recursive: true);
                    continue;
                }

                // Starting the cluster stops the server left running from it; then it is stopped and deleted.
                var leftover = await EmbeddedPostgresCluster.StartAsync(ThrowawayOptions(root));
                StopAndDelete(leftover, root);
            }
            catch (Exception exception) when (exception is EmbeddedPostgresException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"Could not remove the leftover test cluster in {root}: {exception.Message}");
            }
        }
    }
}
