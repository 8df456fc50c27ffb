using System.Diagnostics;
using System.Text.Json;

namespace RaidCommand.Server.Tests.Live;

/// <summary>What the JS client received: the Subscribe answer, the caughtUp marker, and every event in arrival order.</summary>
public sealed record LiveReceipt(JsonElement Subscribed, JsonElement CaughtUp, int Batches, string? Error, IReadOnlyList<JsonElement> Events)
{
    public IReadOnlyList<string> Positions => [.. Events.Select(e => e.GetProperty("position").GetString()!)];
}

/// <summary>A running client: <see cref="CaughtUp"/> once its replay is done (it is live), then what it received.</summary>
public sealed record NodeLiveSubscription(Task CaughtUp, Task<LiveReceipt> Receipt);

/// <summary>Runs the real @microsoft/signalr client (node, Live/node/client.mjs) against a server on a real port.</summary>
public static class NodeLiveClient
{
    // The client's folder in the source tree, where ops/lib/bootstrap.sh installs its node_modules.
    private static string Folder
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RaidCommand.sln")))
            {
                directory = directory.Parent;
            }

            return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("RaidCommand.sln not found above the test binaries."),
                "tests", "RaidCommand.Server.Tests", "Live", "node");
        }
    }

    public static Task<LiveReceipt> ReceiveAsync(Uri server, string token, Guid operationId, string? after, int wanted, TimeSpan timeout) =>
        Start(server, token, operationId, after, wanted, timeout).Receipt;

    public static NodeLiveSubscription Start(Uri server, string token, Guid operationId, string? after, int wanted, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(server);
        var caughtUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return new NodeLiveSubscription(caughtUp.Task, RunAsync(server, token, operationId, after, wanted, timeout, caughtUp));
    }

    private static async Task<LiveReceipt> RunAsync(Uri server, string token, Guid operationId, string? after, int wanted, TimeSpan timeout, TaskCompletionSource caughtUp)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Folder };
        foreach (var argument in new[] { "client.mjs", server.ToString().TrimEnd('/'), token, operationId.ToString(), after ?? "-", wanted.ToString(System.Globalization.CultureInfo.InvariantCulture), ((int)timeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var line = "";
        while (await process.StandardOutput.ReadLineAsync() is { } next)
        {
            if (next == "caught-up")
            {
                caughtUp.TrySetResult();
            }
            else if (next.Length > 0)
            {
                line = next;
            }
        }

        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || !line.StartsWith('{'))
        {
            var failure = new InvalidOperationException($"The live client failed ({process.ExitCode}): {await errors} {line}");
            caughtUp.TrySetException(failure);
            throw failure;
        }

        caughtUp.TrySetException(new InvalidOperationException("The live client never caught up."));
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement.Clone();
        return new LiveReceipt(root.GetProperty("subscribed"), root.GetProperty("caughtUp"), root.GetProperty("batches").GetInt32(),
            root.GetProperty("error").ValueKind == JsonValueKind.String ? root.GetProperty("error").GetString() : null,
            [.. root.GetProperty("events").EnumerateArray()]);
    }
}
