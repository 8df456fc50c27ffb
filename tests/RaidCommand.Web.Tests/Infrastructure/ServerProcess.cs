using System.Diagnostics;
using System.Text.Json;

namespace RaidCommand.Web.Tests.Infrastructure;

/// <summary>
/// Another node: the real server in a process of its own (its build is in the test's output folder), started with a
/// node's <see cref="WebUiServer.Settings"/> (so the same database and signing key) on a free loopback port.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly Task _draining;

    private ServerProcess(Process process, Uri baseAddress, Task draining)
    {
        _process = process;
        BaseAddress = baseAddress;
        _draining = draining;
    }

    public Uri BaseAddress { get; }

    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "RaidCommand.Server.dll", "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = WebUiServer.EnvironmentName;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var log = new List<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Read the output for as long as the process runs: a full pipe would block the server's logging.
        var draining = Task.WhenAll(DrainAsync(process.StandardOutput, log, listening), DrainAsync(process.StandardError, log, null));
        try
        {
            var address = await listening.Task.WaitAsync(StartupTimeout);
            return new ServerProcess(process, address, draining);
        }
        catch (Exception error) when (error is TimeoutException or InvalidOperationException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"The second server did not start: {string.Join(Environment.NewLine, Snapshot(log))}", error);
        }
    }

    /// <summary>Lines of the server's log; its first "Now listening on" line (compact JSON, as output is redirected) gives the address.</summary>
    private static async Task DrainAsync(StreamReader output, List<string> log, TaskCompletionSource<Uri>? listening)
    {
        while (await output.ReadLineAsync() is { } line)
        {
            lock (log)
            {
                log.Add(line);
            }

            if (listening is not null && line.Contains("Now listening on", StringComparison.Ordinal))
            {
                using var entry = JsonDocument.Parse(line);
                listening.TrySetResult(new Uri(entry.RootElement.GetProperty("address").GetString()!));
            }
        }

        listening?.TrySetException(new InvalidOperationException("The server's output ended before it listened."));
    }

    private static string[] Snapshot(List<string> log)
    {
        lock (log)
        {
            return [.. log.TakeLast(30)];
        }
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        await _draining;
        _process.Dispose();
    }
}
