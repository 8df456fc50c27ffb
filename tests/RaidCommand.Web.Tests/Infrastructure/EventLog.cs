using RaidCommand.Testing;

namespace RaidCommand.Web.Tests.Infrastructure;

/// <summary>Reads the event log itself, to prove how many times something was written.</summary>
public static class EventLog
{
    public static async Task<long> CountAsync(TestDatabase database, string eventType)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var command = database.DataSource.CreateCommand("select count(*) from eventstore.events where event_type = $1");
        command.Parameters.AddWithValue(eventType);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
