using System.Text.Json;
using Npgsql;
using RaidCommand.Server.ReadModels;
using RaidCommand.Testing;

namespace RaidCommand.Server.Tests.ReadModels;

/// <summary>
/// A projection's cached documents are used only while the stored row carries the position they were saved at: a page
/// that rolled back, a rebuild or another node's writes make the document be read from the table again.
/// </summary>
public sealed class DocumentCacheTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_document_stored_at_the_cached_position_comes_from_the_cache_and_any_other_from_the_table()
    {
        var (store, table) = await CreateTableAsync();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await SaveAsync(store, connection, table, "same", new Counter(1), 5);
        await SaveAsync(store, connection, table, "moved", new Counter(1), 5);
        await SaveAsync(store, connection, table, "uncached", new Counter(3), 7);
        var cache = new DocumentCache<Counter>(capacity: 10);
        // What the cache holds differs from the table, so the answer shows where each document came from.
        cache.Saved("same", 5, new Counter(100));
        cache.Saved("moved", 5, new Counter(100));
        cache.Saved("gone", 2, new Counter(100));
        await SaveAsync(store, connection, table, "moved", new Counter(2), 6); // Written by another node meanwhile.

        var views = await store.LoadAsync(connection, table, ["same", "moved", "uncached", "gone"], cache, CancellationToken.None);

        Assert.Equal(new Counter(100), views["same"]);
        Assert.Equal(new Counter(2), views["moved"]);
        Assert.Equal(new Counter(3), views["uncached"]);
        Assert.False(views.ContainsKey("gone"), "A document with no row (a rebuild cleared it) must not come from the cache.");
    }

    [Fact]
    public async Task A_save_that_rolled_back_leaves_the_cached_document_unused()
    {
        var (store, table) = await CreateTableAsync();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await SaveAsync(store, connection, table, "board", new Counter(1), 5);
        var cache = new DocumentCache<Counter>(capacity: 10);
        await using (var page = await connection.BeginTransactionAsync())
        {
            await SaveAsync(store, connection, table, "board", new Counter(2), 9);
            cache.Saved("board", 9, new Counter(2));
            await page.RollbackAsync();
        }

        var views = await store.LoadAsync(connection, table, ["board"], cache, CancellationToken.None);

        Assert.Equal(new Counter(1), views["board"]);
    }

    [Fact]
    public void A_full_cache_starts_over_rather_than_growing()
    {
        var cache = new DocumentCache<Counter>(capacity: 2);
        cache.Saved("a", 1, new Counter(1));
        cache.Saved("b", 2, new Counter(2));
        cache.Saved("b", 3, new Counter(3)); // Replacing an entry does not count as growing.
        Assert.Equal(1, cache.PositionOf("a"));

        cache.Saved("c", 4, new Counter(4));

        Assert.Equal(-1, cache.PositionOf("a"));
        Assert.Equal(-1, cache.PositionOf("b"));
        Assert.Equal(new Counter(4), cache.ViewAt("c", 4));
    }

    private async Task<(ReadModelStore Store, string Table)> CreateTableAsync()
    {
        var table = $"cache_test_{Guid.NewGuid():N}"[..24];
        await using var command = database.DataSource.CreateCommand(
            $"create schema if not exists {ReadModelStore.Schema}; {ReadModelStore.CreateTableSql(table)}");
        await command.ExecuteNonQueryAsync();
        return (new ReadModelStore(database.DataSource, Json), table);
    }

    private static async Task SaveAsync(ReadModelStore store, NpgsqlConnection connection, string table, string id, Counter view, long position)
    {
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { store.SaveCommand(table, [(new DocumentKey(id, null), view, position)]) } };
        await batch.ExecuteNonQueryAsync();
    }

    private sealed record Counter(int N);
}
