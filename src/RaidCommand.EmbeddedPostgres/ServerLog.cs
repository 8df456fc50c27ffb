namespace RaidCommand.EmbeddedPostgres;

/// <summary>The server log file pg_ctl writes in the data folder; its tail goes into startup errors.</summary>
internal static class ServerLog
{
    public const string FileName = "postgres.log";

    public static string Tail(string logFile, int lines = 30)
    {
        try
        {
            if (!File.Exists(logFile))
            {
                return "(no server log yet)";
            }

            using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException exception)
        {
            return $"(server log unreadable: {exception.Message})";
        }
        catch (UnauthorizedAccessException exception)
        {
            return $"(server log unreadable: {exception.Message})";
        }
    }
}
