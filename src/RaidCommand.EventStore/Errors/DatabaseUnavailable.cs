using Npgsql;

namespace RaidCommand.EventStore;

/// <summary>
/// Tells a database that could not be reached, or that dropped the connection, from every other failure: a restart,
/// a failover, a network fault, or all its connection slots taken. Whatever was being done may or may not have been
/// done, and the same request again is the answer: appends are idempotent by event id, so a retry never stores twice.
/// </summary>
public static class DatabaseUnavailable
{
    public static bool Is(Exception error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres:
                    return IsUnavailableState(postgres.SqlState);
                case NpgsqlException:
                    // No answer from the server: refused, reset or timed out, or the pool waited for a connection in vain.
                    return true;
            }
        }

        return false;
    }

    private static bool IsUnavailableState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections;
}
