using Npgsql;
using Xunit;

namespace RaidCommand.Testing;

/// <summary>
/// A fresh, uniquely named database for one test class (use as an xunit IClassFixture), dropped afterwards,
/// so test classes never see each other's data.
/// </summary>
public class TestDatabase : IAsyncLifetime
{
    private NpgsqlDataSource? _dataSource;
    private string? _connectionString;

    public string Name { get; } = $"test_{Guid.NewGuid():N}";

    /// <summary>Superuser connection string of this test's database.</summary>
    public string ConnectionString => _connectionString ?? throw NotInitialised();

    public NpgsqlDataSource DataSource => _dataSource ?? throw NotInitialised();

    public async Task InitializeAsync()
    {
        var admin = await PostgresServer.GetAdminConnectionStringAsync();
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database \"{Name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        _connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = Name }.ConnectionString;
        _dataSource = NpgsqlDataSource.Create(_connectionString);
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is null)
        {
            return;
        }

        await _dataSource.DisposeAsync();
        await using var connection = new NpgsqlConnection(await PostgresServer.GetAdminConnectionStringAsync());
        await connection.OpenAsync();
        // force: connections a test left open (e.g. inside a disposed host) must not keep the database alive.
        await using var drop = new NpgsqlCommand($"drop database if exists \"{Name}\" with (force)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static InvalidOperationException NotInitialised() =>
        new("The test database is created in InitializeAsync; use it as an xunit fixture or call InitializeAsync first.");
}
