namespace RaidCommand.EmbeddedPostgres;

/// <summary>Finds the folder with the machine's PostgreSQL server programs.</summary>
internal static class PostgresBinaries
{
    private const string DebianRoot = "/usr/lib/postgresql";

    /// <summary>The configured folder, else the one initdb on PATH lives in, else the highest Debian-style version folder.</summary>
    public static string Locate(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return HasServerPrograms(configured)
                ? Path.GetFullPath(configured)
                : throw new EmbeddedPostgresException($"No initdb, pg_ctl and postgres in the configured PostgreSQL bin folder '{configured}'.");
        }

        var fromPath = FromPath();
        if (fromPath is not null)
        {
            return fromPath;
        }

        var fromDebian = HighestDebianVersion();
        return fromDebian ?? throw new EmbeddedPostgresException(
            $"PostgreSQL server programs not found: put initdb on PATH, install them under {DebianRoot}/<version>/bin (apt-get install postgresql), or configure the bin folder.");
    }

    private static string? FromPath()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var initdb = new FileInfo(Path.Combine(folder, "initdb"));
            if (!initdb.Exists)
            {
                continue;
            }

            // /usr/local/bin/initdb is often a symlink; pg_ctl finds postgres beside its real location, so follow it.
            var target = initdb.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb.FullName;
            var binFolder = Path.GetDirectoryName(target)!;
            if (HasServerPrograms(binFolder))
            {
                return binFolder;
            }
        }

        return null;
    }

    private static string? HighestDebianVersion()
    {
        if (!Directory.Exists(DebianRoot))
        {
            return null;
        }

        return Directory.GetDirectories(DebianRoot)
            .Select(folder => (Folder: folder, Version: decimal.TryParse(Path.GetFileName(folder), System.Globalization.CultureInfo.InvariantCulture, out var version) ? version : -1))
            .Where(candidate => candidate.Version >= 0 && HasServerPrograms(Path.Combine(candidate.Folder, "bin")))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => Path.Combine(candidate.Folder, "bin"))
            .FirstOrDefault();
    }

    private static bool HasServerPrograms(string folder) =>
        File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")) && File.Exists(Path.Combine(folder, "postgres"));
}
