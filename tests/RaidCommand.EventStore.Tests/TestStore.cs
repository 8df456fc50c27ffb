using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RaidCommand.EventStore.Feed;
using RaidCommand.EventStore.Integrity;
using RaidCommand.EventStore.Projections;
using RaidCommand.EventStore.Schema;

namespace RaidCommand.EventStore.Tests;

/// <summary>
/// A complete event store in a schema of its own, so every test sees only its own events even when
/// test classes share a database.
/// </summary>
public sealed class TestStore : IDisposable
{
    private TestStore(NpgsqlDataSource dataSource, EventStoreOptions options)
    {
        DataSource = dataSource;
        Options = options;
        Signal = new FeedSignal();
        Store = new EventStore(dataSource, options, Signal);
        Feed = new EventFeed(dataSource, options, Signal);
        Admin = new ProjectionAdmin(dataSource, options, Signal);
        Verifier = new ChainVerifier(dataSource, options);
    }

    public NpgsqlDataSource DataSource { get; }
    public EventStoreOptions Options { get; }
    public FeedSignal Signal { get; }
    public EventStore Store { get; }
    public EventFeed Feed { get; }
    public ProjectionAdmin Admin { get; }
    public ChainVerifier Verifier { get; }
    public string Schema => Options.Schema;

    public static async Task<TestStore> CreateAsync(NpgsqlDataSource dataSource, Action<EventStoreOptions>? configure = null)
    {
        var options = new EventStoreOptions
        {
            Schema = $"t_{Guid.NewGuid():N}"[..20],
            FeedPollInterval = TimeSpan.FromMilliseconds(200),
            LeadershipRetryInterval = TimeSpan.FromMilliseconds(200),
        }.RegisterTestEvents();
        configure?.Invoke(options);
        await new SchemaMigrator(dataSource, options, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return new TestStore(dataSource, options);
    }

    public ProjectionRunner Runner(IProjection projection, NpgsqlDataSource? dataSource = null) =>
        new(projection, dataSource ?? DataSource, Options, new EventFeed(dataSource ?? DataSource, Options, Signal), Signal, NullLogger.Instance);

    public async Task<long> ScalarAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql.Replace("__schema__", Schema, StringComparison.Ordinal));
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql.Replace("__schema__", Schema, StringComparison.Ordinal));
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose() => Signal.Dispose();
}
