using Npgsql;

namespace RaidCommand.EmbeddedPostgres.Tests;

public sealed class EmbeddedPostgresClusterTests
{
    [Fact]
    public async Task A_durable_cluster_keeps_its_data_and_password_across_restarts()
    {
        using var folder = new TempFolder();
        var options = new EmbeddedPostgresOptions { DataDirectory = System.IO.Path.Combine(folder.Path, "pg") };

        await using (var first = await EmbeddedPostgresCluster.StartAsync(options))
        {
            var connectionString = await first.CreateDatabaseAsync("durable_check");
            await Execute(connectionString, "create table marker (value text); insert into marker values ('kept')");
            await first.StopAsync();
        }

        var passwordFile = System.IO.Path.Combine(folder.Path, "pg.password");
        Assert.True(File.Exists(passwordFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(passwordFile));

        await using var second = await EmbeddedPostgresCluster.StartAsync(options);
        var again = await second.CreateDatabaseAsync("durable_check");
        Assert.Equal("kept", await Scalar(again, "select value from marker"));
        Assert.Equal("on", await Scalar(second.ConnectionString, "show fsync"));
        Assert.Equal("scram-sha-256", await Scalar(second.ConnectionString, "show password_encryption"));
    }

    [Fact]
    public async Task The_password_is_required()
    {
        using var folder = new TempFolder();
        await using var cluster = await EmbeddedPostgresCluster.StartAsync(new EmbeddedPostgresOptions { DataDirectory = System.IO.Path.Combine(folder.Path, "pg") });
        var wrongPassword = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Password = "wrong", Pooling = false }.ConnectionString;

        var failure = await Assert.ThrowsAsync<PostgresException>(() => Scalar(wrongPassword, "select 1"));

        Assert.Equal(PostgresErrorCodes.InvalidPassword, failure.SqlState);
    }

    [Fact]
    public async Task A_throwaway_cluster_trades_durability_for_speed_and_listens_on_loopback_only()
    {
        using var folder = new TempFolder();
        await using var cluster = await EmbeddedPostgresCluster.StartAsync(Throwaway(folder));

        Assert.Equal("off", await Scalar(cluster.ConnectionString, "show fsync"));
        Assert.Equal("off", await Scalar(cluster.ConnectionString, "show synchronous_commit"));
        Assert.Equal("off", await Scalar(cluster.ConnectionString, "show full_page_writes"));
        Assert.Equal("127.0.0.1", await Scalar(cluster.ConnectionString, "show listen_addresses"));
        Assert.Equal(string.Empty, await Scalar(cluster.ConnectionString, "show unix_socket_directories"));
        Assert.Equal("UTF8", await Scalar(cluster.ConnectionString, "show server_encoding"));
        Assert.True(File.Exists(cluster.LogFile));
    }

    [Fact]
    public async Task A_server_left_running_by_a_killed_process_is_stopped_and_the_cluster_starts_cleanly()
    {
        using var folder = new TempFolder();
        var options = Throwaway(folder);
        var abandoned = await EmbeddedPostgresCluster.StartAsync(options); // never stopped, as if its process was killed

        await using var restarted = await EmbeddedPostgresCluster.StartAsync(options);

        Assert.Equal(1, await Scalar(restarted.ConnectionString, "select 1"));
        var abandonedConnection = new NpgsqlConnectionStringBuilder(abandoned.ConnectionString) { Pooling = false, Timeout = 2 }.ConnectionString;
        if (abandoned.Port != restarted.Port)
        {
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => Scalar(abandonedConnection, "select 1"));
        }
    }

    [Fact]
    public async Task A_folder_with_other_files_is_refused_with_the_setting_named()
    {
        using var folder = new TempFolder();
        var data = System.IO.Path.Combine(folder.Path, "pg");
        Directory.CreateDirectory(data);
        await File.WriteAllTextAsync(System.IO.Path.Combine(data, "notes.txt"), "not a cluster");

        var failure = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => EmbeddedPostgresCluster.StartAsync(
            new EmbeddedPostgresOptions { DataDirectory = data, RequirePassword = false, DataDirectorySettingName = "Database:DataDirectory" }));

        Assert.Contains(data, failure.Message, StringComparison.Ordinal);
        Assert.Contains("Database:DataDirectory", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task As_root_a_folder_the_postgres_account_cannot_reach_is_refused_with_the_setting_named()
    {
        if (!PostgresCommandRunner.IsRoot)
        {
            return; // Only root hands the cluster to the postgres account.
        }

        using var folder = new TempFolder();
        File.SetUnixFileMode(folder.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var data = System.IO.Path.Combine(folder.Path, "pg");

        var failure = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => EmbeddedPostgresCluster.StartAsync(
            new EmbeddedPostgresOptions { DataDirectory = data, RequirePassword = false, DataDirectorySettingName = "Database:DataDirectory" }));

        Assert.Contains(data, failure.Message, StringComparison.Ordinal);
        Assert.Contains("Database:DataDirectory", failure.Message, StringComparison.Ordinal);
    }

    private static EmbeddedPostgresOptions Throwaway(TempFolder folder) => new()
    {
        DataDirectory = System.IO.Path.Combine(folder.Path, "pg"),
        Durable = false,
        RequirePassword = false,
    };

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
