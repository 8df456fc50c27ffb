using System.Net;
using System.Text.Json;
using Npgsql;
using RaidCommand.EmbeddedPostgres;
using RaidCommand.Server.Hosting.ErrorHandling;
using RaidCommand.Server.Tests.Api;
using RaidCommand.Server.Tests.Infrastructure;

namespace RaidCommand.Server.Tests.Hosting;

/// <summary>
/// PostgreSQL stopped under the running server and started again, as a restart or a failover does: meanwhile every
/// request that needs the database is answered 503 with Retry-After (not a 500: nothing is broken), and afterwards the
/// server works again by itself, and a command retried with its Idempotency-Key is stored once.
/// </summary>
public sealed class DatabaseOutageTests(DatabaseOutageTests.ServerOnItsOwnCluster factory) : IClassFixture<DatabaseOutageTests.ServerOnItsOwnCluster>
{
    [Fact]
    public async Task While_postgres_is_down_requests_get_503_with_retry_after_and_once_it_is_back_a_retried_command_is_stored_once()
    {
        var api = factory.CreateApiClient();
        var raid = await RaidScenario.OpenAsync(api);
        var city = new { cityCode = "ZZ", name = "Zhengzhou", localCommander = "Commander Sun", timeZoneId = "Asia/Shanghai" };
        var key = Guid.NewGuid();

        await factory.StopDatabaseAsync();
        try
        {
            using (var command = await api.PostAsync($"{raid.OperationPath}/cities", city, key))
            {
                await AssertUnavailableAsync(command);
            }

            using (var read = await api.Http.GetAsync(new Uri($"{raid.OperationPath}/timeline", UriKind.Relative)))
            {
                await AssertUnavailableAsync(read);
            }

            using var ready = await api.Http.GetAsync(new Uri("/health/ready", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }
        finally
        {
            await factory.StartDatabaseAsync();
        }

        // The server may take a moment to find its database again; a client retries for as long as it is told to.
        var stored = await RetryWhileUnavailableAsync(() => api.PostAsync($"{raid.OperationPath}/cities", city, key));
        var before = await factory.EventCountAsync();
        var again = await RetryWhileUnavailableAsync(() => api.PostAsync($"{raid.OperationPath}/cities", city, key));

        Assert.False(stored.Replayed);
        Assert.True(again.Replayed);
        Assert.Equal(stored.Position, again.Position);
        Assert.Equal(before, await factory.EventCountAsync());
        var timeline = await api.GetJsonAsync($"{raid.OperationPath}/timeline?type=operation-city-added");
        Assert.Single(timeline.GetProperty("entries").EnumerateArray());
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(DatabaseUnavailableExceptionHandler.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("database.unavailable", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
    }

    private static async Task<CommandReply> RetryWhileUnavailableAsync(Func<Task<HttpResponseMessage>> send)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await send();
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 50)
            {
                return await CommandReply.ReadAsync(response, "cities");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The server on a private cluster of its own, which the test can stop and start (the shared one serves every other test).</summary>
    public sealed class ServerOnItsOwnCluster : RaidCommandApiFactory
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), $"raidcommand-outage-{Guid.NewGuid():N}");
        private EmbeddedPostgresOptions? _options;
        private EmbeddedPostgresCluster? _cluster;
        private string? _connectionString;

        public override string ConnectionString => _connectionString ?? throw new InvalidOperationException("The cluster is not started.");

        public override async Task InitializeAsync()
        {
            _options = new EmbeddedPostgresOptions { DataDirectory = Path.Combine(_root, "data"), Durable = false, RequirePassword = false };
            _cluster = await EmbeddedPostgresCluster.StartAsync(_options);
            _options = _options with { Port = _cluster.Port }; // The server's connection string must stay valid across the restart.
            _connectionString = await _cluster.CreateDatabaseAsync("outage");
        }

        public async Task StopDatabaseAsync() => await _cluster!.StopAsync();

        public async Task StartDatabaseAsync() => _cluster = await EmbeddedPostgresCluster.StartAsync(_options!);

        public async Task<long> EventCountAsync()
        {
            await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
            return await EventCount.InAsync(dataSource);
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (_cluster is not null)
            {
                await _cluster.StopAsync();
            }

            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }
        }
    }
}
