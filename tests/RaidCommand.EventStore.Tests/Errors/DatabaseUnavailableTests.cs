using Npgsql;

namespace RaidCommand.EventStore.Tests.Errors;

public sealed class DatabaseUnavailableTests
{
    [Theory]
    [InlineData(PostgresErrorCodes.AdminShutdown)] // a restart or a failover terminated the session
    [InlineData(PostgresErrorCodes.CrashShutdown)]
    [InlineData(PostgresErrorCodes.CannotConnectNow)] // starting up, or in recovery
    [InlineData(PostgresErrorCodes.TooManyConnections)]
    [InlineData(PostgresErrorCodes.ConnectionFailure)]
    [InlineData(PostgresErrorCodes.ConnectionException)]
    public void A_server_that_is_going_away_or_cannot_take_the_session_is_unavailable(string sqlState) =>
        Assert.True(DatabaseUnavailable.Is(Postgres(sqlState)));

    [Theory]
    [InlineData(PostgresErrorCodes.UniqueViolation)]
    [InlineData(PostgresErrorCodes.SerializationFailure)]
    [InlineData(PostgresErrorCodes.SyntaxError)]
    [InlineData(PostgresErrorCodes.QueryCanceled)]
    public void A_refused_or_failed_statement_on_a_working_server_is_not(string sqlState) =>
        Assert.False(DatabaseUnavailable.Is(Postgres(sqlState)));

    [Fact]
    public void No_answer_at_all_is_unavailable_also_when_wrapped() =>
        Assert.True(DatabaseUnavailable.Is(new InvalidOperationException("outer", new NpgsqlException("Exception while reading from stream", new IOException("reset")))));

    [Fact]
    public void Other_exceptions_are_not() =>
        Assert.False(DatabaseUnavailable.Is(new InvalidOperationException("a bug", new TimeoutException())));

    private static PostgresException Postgres(string sqlState) => new("message", "ERROR", "ERROR", sqlState);
}
