using System.Diagnostics;
using System.Text.Json;

namespace RaidCommand.Server.Tests.Live;

/// <summary>What the JS client received: the Subscribe answer, the caughtUp marker, and every event in arrival order.</summary>
public sealed record LiveReceipt(JsonElement Subscribed, JsonElement CaughtUp, int Batches, string? Error, IReadOnlyList<JsonElement> Events)
{
    public IReadOnlyList<string> Positions => [.. Events.Select(e => e.GetProperty("position").GetString()!)];
}

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

    public static async Task<LiveReceipt> ReceiveAsync(Uri server, string token, Guid operationId, string? after, int wanted, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(server);
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Folder };
        foreach (var argument in new[] { "client.mjs", server.ToString().TrimEnd('/'), token, operationId.ToString(), after ?? "-", wanted.ToString(System.Globalization.CultureInfo.InvariantCulture), ((int)timeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = (await output).Trim().Split('\n')[^1];
        if (process.ExitCode != 0 || !line.StartsWith('{'))
        {
            throw new InvalidOperationException($"The live client failed ({process.ExitCode}): {await errors} {line}");
        }

        using var document = JsonDocument.Parse(line);
        var root = document.RootElement.Clone();
        return new LiveReceipt(root.GetProperty("subscribed"), root.GetProperty("caughtUp"), root.GetProperty("batches").GetInt32(),
            root.GetProperty("error").ValueKind == JsonValueKind.String ? root.GetProperty("error").GetString() : null,
            [.. root.GetProperty("events").EnumerateArray()]);
    }
}
