using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace RaidCommand.EmbeddedPostgres;

/// <summary>
/// A private PostgreSQL cluster run from the machine's PostgreSQL binaries in a data folder of our choosing,
/// listening on 127.0.0.1 only. Data survives restarts; <see cref="StopAsync"/> or disposal shuts it down.
/// </summary>
public sealed partial class EmbeddedPostgresCluster : IAsyncDisposable
{
    private const int StartAttemptsOnFreePorts = 3;

    private readonly EmbeddedPostgresOptions _options;
    private readonly PostgresCommandRunner _runner;
    private readonly ILogger _logger;
    private readonly string? _password;
    private bool _running;

    private EmbeddedPostgresCluster(EmbeddedPostgresOptions options, PostgresCommandRunner runner, string? password, ILogger logger)
    {
        _options = options;
        _runner = runner;
        _password = password;
        _logger = logger;
        DataDirectory = Path.GetFullPath(options.DataDirectory);
    }

    /// <summary>Absolute path of the data folder.</summary>
    public string DataDirectory { get; }

    /// <summary>The folder of the PostgreSQL programs this cluster runs.</summary>
    public string BinDirectory => _runner.BinDirectory;

    /// <summary>The port the server listens on at 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary>The server's own log file.</summary>
    public string LogFile => Path.Combine(DataDirectory, ServerLog.FileName);

    /// <summary>Superuser connection string for the <c>postgres</c> database.</summary>
    public string ConnectionString => GetConnectionString("postgres");

    /// <summary>
    /// Initialises the data folder when it is empty, stops a server left running from it by a killed process,
    /// starts the server and waits until it accepts connections.
    /// </summary>
    public static async Task<EmbeddedPostgresCluster> StartAsync(
        EmbeddedPostgresOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var runner = new PostgresCommandRunner(PostgresBinaries.Locate(options.BinDirectory), options.ServiceAccount);
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(dataDirectory);
        await GiveDataDirectoryToServiceAccountAsync(runner, options, dataDirectory, cancellationToken);

        var initialised = File.Exists(Path.Combine(dataDirectory, "PG_VERSION"));
        var password = options.RequirePassword ? await ObtainPasswordAsync(options, initialised, cancellationToken) : null;
        var cluster = new EmbeddedPostgresCluster(options, runner, password, logger ?? NullLogger.Instance);
        if (!initialised)
        {
            await cluster.InitialiseAsync(cancellationToken);
        }

        await cluster.StopLeftoverServerAsync(cancellationToken);
        await cluster.StartServerAsync(cancellationToken);
        return cluster;
    }

    /// <summary>Superuser connection string for <paramref name="database"/>.</summary>
    public string GetConnectionString(string database)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = _options.SuperUser,
            Database = database,
        };
        if (_password is not null)
        {
            builder.Password = _password;
        }

        return builder.ConnectionString;
    }

    /// <summary>Creates <paramref name="database"/> unless it exists and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        if (!DatabaseName().IsMatch(database))
        {
            throw new ArgumentException($"'{database}' is not a plain lower-case PostgreSQL identifier.", nameof(database));
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("select exists (select 1 from pg_database where datname = $1)", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = database });
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
        {
            try
            {
                await using var create = new NpgsqlCommand($"create database \"{database}\"", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
                _logger.LogInformation("Created database {Database} in the embedded PostgreSQL cluster", database);
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another process created it between our check and our create; that is what we wanted.
            }
        }

        return GetConnectionString(database);
    }

    /// <summary>Shuts the server down (fast mode: open transactions are rolled back). Safe to call twice.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!_running)
        {
            return;
        }

        var result = await _runner.RunPostgresProgramAsync(
            "pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60"], cancellationToken);
        if (!result.Succeeded)
        {
            throw Failure($"pg_ctl stop failed (exit {result.ExitCode}): {result.Output}");
        }

        _running = false;
        _logger.LogInformation("Stopped embedded PostgreSQL in {DataDirectory}", DataDirectory);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static async Task GiveDataDirectoryToServiceAccountAsync(
        PostgresCommandRunner runner, EmbeddedPostgresOptions options, string dataDirectory, CancellationToken cancellationToken)
    {
        if (!PostgresCommandRunner.IsRoot)
        {
            return;
        }

        var owner = $"{options.ServiceAccount}:{options.ServiceAccount}";
        var chown = await PostgresCommandRunner.RunAsync("chown", [owner, dataDirectory], cancellationToken);
        if (!chown.Succeeded)
        {
            throw new EmbeddedPostgresException($"Could not hand the data folder '{dataDirectory}' to the {options.ServiceAccount} account: {chown.Output}");
        }

        var reach = await runner.RunAsServiceAccountAsync("test", ["-r", dataDirectory, "-a", "-w", dataDirectory, "-a", "-x", dataDirectory], cancellationToken);
        if (!reach.Succeeded)
        {
            throw new EmbeddedPostgresException(
                $"PostgreSQL runs as the '{options.ServiceAccount}' account, which cannot reach the data folder '{dataDirectory}': " +
                $"a parent folder is not searchable by others (it needs o+x). Set {options.DataDirectorySettingName} to a folder " +
                $"that account can reach (for example under /var/lib or /srv), or make the parents searchable (chmod o+x).");
        }
    }

    private static async Task<string> ObtainPasswordAsync(EmbeddedPostgresOptions options, bool initialised, CancellationToken cancellationToken)
    {
        var path = options.ResolvedPasswordFile;
        var existing = PasswordFile.TryRead(path);
        if (existing is not null)
        {
            return existing;
        }

        if (initialised)
        {
            throw new EmbeddedPostgresException(
                $"The cluster in '{options.DataDirectory}' requires a password but its password file '{path}' is missing. " +
                "Restore the file, or move the data folder away to start a new, empty cluster.");
        }

        var password = PasswordFile.Create(path);
        if (PostgresCommandRunner.IsRoot)
        {
            // initdb reads the file as the service account; root can still read it afterwards.
            var chown = await PostgresCommandRunner.RunAsync("chown", [$"{options.ServiceAccount}:{options.ServiceAccount}", path], cancellationToken);
            if (!chown.Succeeded)
            {
                throw new EmbeddedPostgresException($"Could not hand the password file '{path}' to the {options.ServiceAccount} account: {chown.Output}");
            }
        }

        return password;
    }

    private async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        if (Directory.EnumerateFileSystemEntries(DataDirectory).Any())
        {
            throw Failure($"The data folder '{DataDirectory}' is not empty but holds no PostgreSQL cluster (no PG_VERSION). " +
                $"Empty it, or set {_options.DataDirectorySettingName} to another folder.");
        }

        List<string> arguments = ["-D", DataDirectory, "-U", _options.SuperUser, "-E", "UTF8", "--locale=C"];
        arguments.AddRange(_password is null
            ? ["--auth=trust"]
            : ["--auth=scram-sha-256", $"--pwfile={_options.ResolvedPasswordFile}"]);
        if (!_options.Durable)
        {
            arguments.Add("--no-sync");
        }

        _logger.LogInformation("Initialising a new PostgreSQL cluster in {DataDirectory}", DataDirectory);
        var result = await _runner.RunPostgresProgramAsync("initdb", arguments, cancellationToken);
        if (!result.Succeeded)
        {
            throw Failure($"initdb failed (exit {result.ExitCode}): {result.Output}");
        }
    }

    /// <summary>A process that was killed leaves its postmaster running; stop it so we start from a clean state.</summary>
    private async Task StopLeftoverServerAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            return;
        }

        var status = await _runner.RunPostgresProgramAsync("pg_ctl", ["status", "-D", DataDirectory], cancellationToken);
        if (!status.Succeeded)
        {
            return; // Stale pid file of a dead server: postgres itself clears it on start.
        }

        _logger.LogWarning("A PostgreSQL server left running from {DataDirectory} is being stopped before a clean start", DataDirectory);
        var stop = await _runner.RunPostgresProgramAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60"], cancellationToken);
        if (!stop.Succeeded)
        {
            throw Failure($"Could not stop the PostgreSQL server left running from '{DataDirectory}' (exit {stop.ExitCode}): {stop.Output}");
        }
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        var portIsFixed = _options.Port is > 0;
        for (var attempt = 1; ; attempt++)
        {
            Port = portIsFixed ? _options.Port!.Value : FreePort.OnLoopback();
            var result = await _runner.RunPostgresProgramAsync("pg_ctl", StartArguments(), cancellationToken);
            if (result.Succeeded)
            {
                break;
            }

            // Another process may have taken the free port between our probe and postgres binding it.
            var portTaken = ServerLog.Tail(LogFile, 10).Contains("could not bind", StringComparison.OrdinalIgnoreCase);
            if (!portIsFixed && portTaken && attempt < StartAttemptsOnFreePorts)
            {
                continue;
            }

            throw Failure($"pg_ctl start failed (exit {result.ExitCode}): {result.Output}");
        }

        _running = true;
        await WaitUntilAcceptingConnectionsAsync(cancellationToken);
        _logger.LogInformation("Embedded PostgreSQL is running from {DataDirectory} on 127.0.0.1:{Port}", DataDirectory, Port);
    }

    private List<string> StartArguments()
    {
        // pg_ctl hands -o to postgres through /bin/sh, so the empty socket list is quoted for the shell.
        var settings = $"-c listen_addresses=127.0.0.1 -p {Port.ToString(CultureInfo.InvariantCulture)} -c unix_socket_directories=''";
        if (!_options.Durable)
        {
            settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        }

        var timeoutSeconds = ((int)Math.Ceiling(_options.StartupTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", timeoutSeconds, "-o", settings];
    }

    private async Task WaitUntilAcceptingConnectionsAsync(CancellationToken cancellationToken)
    {
        var probe = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false, Timeout = 5 }.ConnectionString;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(probe);
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException exception) when (clock.Elapsed < _options.StartupTimeout)
            {
                _logger.LogDebug(exception, "Embedded PostgreSQL not ready yet");
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
            catch (NpgsqlException exception)
            {
                throw Failure($"PostgreSQL did not accept connections within {_options.StartupTimeout}: {exception.Message}", exception);
            }
        }
    }

    private EmbeddedPostgresException Failure(string message, Exception? inner = null)
    {
        var full = $"{message}\nServer log {LogFile} ends with:\n{ServerLog.Tail(LogFile)}";
        return inner is null ? new EmbeddedPostgresException(full) : new EmbeddedPostgresException(full, inner);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
