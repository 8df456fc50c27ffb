namespace RaidCommand.EmbeddedPostgres;

/// <summary>What a finished program printed and how it exited.</summary>
internal sealed record CommandResult(string CommandLine, int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}
