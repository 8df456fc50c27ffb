using Npgsql;
using RaidCommand.EventStore;

namespace RaidCommand.Server.ReadModels;

/// <summary>
/// Which operation each stream belongs to, for projections that group by operation. Only a stream's first
/// events name their operation (an arrest, a planned transfer); later ones (a detention, a departure) are
/// resolved through this index. Each projection keeps its own rows, written in its own checkpoint
/// transaction, so a rebuild of one projection never sees another's progress.
/// </summary>
public sealed class StreamOperationIndex(string projection)
{
    public const string Table = "stream_operations";

    public static string CreateTableSql => $"""
        create table if not exists {ReadModelStore.Schema}.{Table} (
            projection   text not null,
            stream_id    text not null,
            operation_id uuid not null,
            primary key (projection, stream_id));
        """;

    /// <summary>
    /// Resolves the operation of every stream in <paramref name="events"/>: declared by an event of this page,
    /// or recorded earlier. New declarations are recorded.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Guid>> ResolveAsync(
        NpgsqlConnection connection, IReadOnlyList<RecordedEvent> events, Func<object, Guid?> declaredOperation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(declaredOperation);
        var resolved = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var declared = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var recorded in events)
        {
            if (declaredOperation(recorded.Data) is { } operation && operation != Guid.Empty)
            {
                declared.TryAdd(recorded.StreamId, operation);
            }
        }

        var unknown = events.Select(e => e.StreamId).Distinct(StringComparer.Ordinal).Where(s => !declared.ContainsKey(s)).ToArray();
        if (unknown.Length > 0)
        {
            await using var lookup = new NpgsqlCommand(
                $"select stream_id, operation_id from {ReadModelStore.Schema}.{Table} where projection = $1 and stream_id = any($2)", connection);
            lookup.Parameters.Add(new NpgsqlParameter { Value = projection });
            lookup.Parameters.Add(new NpgsqlParameter { Value = unknown });
            await using var reader = await lookup.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                resolved[reader.GetString(0)] = reader.GetGuid(1);
            }
        }

        if (declared.Count > 0)
        {
            await using var record = new NpgsqlCommand($"""
                insert into {ReadModelStore.Schema}.{Table} (projection, stream_id, operation_id)
                select $1, * from unnest($2::text[], $3::uuid[]) on conflict do nothing
                """, connection);
            record.Parameters.Add(new NpgsqlParameter { Value = projection });
            record.Parameters.Add(new NpgsqlParameter { Value = declared.Keys.ToArray() });
            record.Parameters.Add(new NpgsqlParameter { Value = declared.Values.ToArray() });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (stream, operation) in declared)
        {
            resolved[stream] = operation;
        }

        return resolved;
    }

    public async Task ResetAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"delete from {ReadModelStore.Schema}.{Table} where projection = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = projection });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
