namespace RaidCommand.Web.Tests.Infrastructure;

/// <summary>Where the built web UI is (ops/lib/bootstrap.sh builds it before the tests run) and where screenshots go.</summary>
public static class WebUiBuild
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    public static string DistFolder { get; } = Path.Combine(RepositoryRoot, "src", "RaidCommand.Web", "dist");

    /// <summary>tests/RaidCommand.Web.Tests/TestResults/screenshots (git-ignored), kept after the run for people to look at.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot, "tests", "RaidCommand.Web.Tests", "TestResults", "screenshots");

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RaidCommand.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("RaidCommand.sln not found above the test binaries.");
    }
}
