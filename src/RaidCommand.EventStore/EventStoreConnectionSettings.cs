using Npgsql;

namespace RaidCommand.EventStore;

/// <summary>Connection-string settings the event store is designed for; apply them to the data source it uses.</summary>
public static class EventStoreConnectionSettings
{
    /// <summary>
    /// Turns off Npgsql's reset of pooled connections (a <c>DISCARD ALL</c> before each reuse). That reset throws
    /// away the append function's cached plans on every call, and measured as the largest single cost of a
    /// single-event append. The store leaves no session state behind on a pooled connection: advisory session
    /// locks are released explicitly and the LISTEN connection unlistens before it is returned.
    /// </summary>
    public static string Apply(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;
}
