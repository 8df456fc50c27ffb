using Npgsql;

namespace RaidCommand.Server.Tests.Api;

/// <summary>Counts the rows of the event log, to show that a refused command wrote nothing.</summary>
public static class EventCount
{
    public static async Task<long> InAsync(NpgsqlDataSource database)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var command = database.CreateCommand("select count(*) from eventstore.events");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
