using System.Diagnostics;

namespace RaidCommand.EmbeddedPostgres;

/// <summary>
/// Runs PostgreSQL programs. initdb and postgres refuse to run as root, so when this process is root
/// they run as the service account through runuser instead.
/// </summary>
internal sealed class PostgresCommandRunner(string binDirectory, string serviceAccount)
{
    public static bool IsRoot => Environment.UserName == "root";

    public string BinDirectory { get; } = binDirectory;

    public Task<CommandResult> RunPostgresProgramAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        IsRoot
            ? RunAsync("runuser", ["-u", serviceAccount, "--", Path.Combine(BinDirectory, program), .. arguments], cancellationToken)
            : RunAsync(Path.Combine(BinDirectory, program), arguments, cancellationToken);

    /// <summary>Runs any program as the account that will run postgres (used to check what that account can reach).</summary>
    public Task<CommandResult> RunAsServiceAccountAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        IsRoot
            ? RunAsync("runuser", ["-u", serviceAccount, "--", program, .. arguments], cancellationToken)
            : RunAsync(program, arguments, cancellationToken);

    public static async Task<CommandResult> RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The service account may not be able to enter our working directory (e.g. /root); "/" it can always enter.
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Messages are parsed and shown to operators; keep them in one predictable language.
        startInfo.Environment["LC_ALL"] = "C";
        startInfo.Environment["LANG"] = "C";

        var commandLine = $"{fileName} {string.Join(' ', arguments)}";
        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new EmbeddedPostgresException($"Could not run '{commandLine}': {exception.Message}", exception);
        }

        // pg_ctl start leaves postgres running with our pipes inherited unless its output is redirected;
        // callers always pass -l so these reads end when pg_ctl itself exits.
        var standardOutput = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var standardError = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var output = (await standardOutput + await standardError).Trim();
        return new CommandResult(commandLine, process.ExitCode, output);
    }
}
