using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace RaidCommand.Server.ReadModels;

/// <summary>
/// Reads and writes read-model documents. Every document table has the same shape:
/// id, operation_id, data (jsonb), last_position (the feed position of the last event folded in), updated_at.
/// </summary>
public sealed class ReadModelStore(NpgsqlDataSource dataSource, JsonSerializerOptions json)
{
    public const string Schema = "readmodels";

    public static string CreateTableSql(string table) => $"""
        create table if not exists {Schema}.{table} (
            id            text primary key,
            operation_id  uuid,
            data          jsonb not null,
            last_position bigint not null,
            updated_at    timestamptz not null default now());
        create index if not exists {table}_by_operation on {Schema}.{table} (operation_id);
        """;

    /// <summary>
    /// The stored documents of <paramref name="ids"/>. A document that <paramref name="cache"/> holds at the position
    /// stored with it is taken from the cache, and only its position is read.
    /// </summary>
    public async Task<Dictionary<string, TView>> LoadAsync<TView>(
        NpgsqlConnection connection, string table, string[] ids, DocumentCache<TView> cache, CancellationToken cancellationToken)
        where TView : class
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(cache);
        await using var command = new NpgsqlCommand($"""
            select t.id, t.last_position, case when t.last_position = k.cached_position then null else t.data end
              from unnest($1::text[], $2::bigint[]) as k(id, cached_position)
              join {Schema}.{table} t on t.id = k.id
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        command.Parameters.Add(new NpgsqlParameter { Value = ids.Select(cache.PositionOf).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var views = new Dictionary<string, TView>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            views[id] = reader.IsDBNull(2)
                ? cache.ViewAt(id, reader.GetInt64(1))
                : JsonSerializer.Deserialize<TView>(reader.GetString(2), json)!;
        }

        return views;
    }

    /// <summary>The statement that stores <paramref name="documents"/> (new or replacing), each with the position folded to.</summary>
    public NpgsqlBatchCommand SaveCommand(string table, IReadOnlyList<(DocumentKey Key, object View, long Position)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var command = new NpgsqlBatchCommand($"""
            insert into {Schema}.{table} (id, operation_id, data, last_position, updated_at)
            select * , now() from unnest($1::text[], $2::uuid[], $3::jsonb[], $4::bigint[])
            on conflict (id) do update set operation_id = coalesce(excluded.operation_id, {table}.operation_id), data = excluded.data,
                last_position = excluded.last_position, updated_at = excluded.updated_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = documents.Select(d => d.Key.Id).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = documents.Select(d => d.Key.OperationId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = documents.Select(d => JsonSerializer.Serialize(d.View, d.View.GetType(), json)).ToArray(),
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb,
        });
        command.Parameters.Add(new NpgsqlParameter { Value = documents.Select(d => d.Position).ToArray() });
        return command;
    }

    public async Task TruncateAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"truncate {Schema}.{table}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>One document by id, or null.</summary>
    public async Task<TView?> FindAsync<TView>(string table, string id, CancellationToken cancellationToken) where TView : class
    {
        await using var command = dataSource.CreateCommand($"select data from {Schema}.{table} where id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return await command.ExecuteScalarAsync(cancellationToken) is string data ? JsonSerializer.Deserialize<TView>(data, json) : null;
    }

    /// <summary>Every document of one operation, in id order.</summary>
    public async Task<IReadOnlyList<TView>> ListByOperationAsync<TView>(string table, Guid operationId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select data from {Schema}.{table} where operation_id = $1 order by id");
        command.Parameters.Add(new NpgsqlParameter { Value = operationId });
        return await ReadViews<TView>(command, cancellationToken);
    }

    /// <summary>Every document of a table, for cross-operation queries such as campaign statistics.</summary>
    public async Task<IReadOnlyList<TView>> ListAllAsync<TView>(string table, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select data from {Schema}.{table} order by id");
        return await ReadViews<TView>(command, cancellationToken);
    }

    private async Task<IReadOnlyList<TView>> ReadViews<TView>(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var views = new List<TView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            views.Add(JsonSerializer.Deserialize<TView>(reader.GetString(0), json)!);
        }

        return views;
    }
}
