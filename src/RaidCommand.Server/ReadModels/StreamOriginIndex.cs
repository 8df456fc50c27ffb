using Npgsql;
using NpgsqlTypes;
using RaidCommand.EventStore;

namespace RaidCommand.Server.ReadModels;

/// <summary>
/// Where a stream's subject comes from, as its first event declares it: the operation, and for a person arrested at a
/// site, that site. It never changes, so a projection can remember it once per stream instead of in its documents.
/// </summary>
public readonly record struct StreamOrigin(Guid OperationId, Guid? SiteId = null);

/// <summary>
/// The <see cref="StreamOrigin"/> of each stream, for projections that group by operation or site. Only a stream's first
/// events name them (an arrest, a planned transfer); later ones (a detention, a departure) are resolved through this
/// index. Each projection keeps its own rows, written in its own checkpoint transaction, so a rebuild of one projection
/// never sees another's progress.
/// </summary>
public sealed class StreamOriginIndex(string projection)
{
    // The table's name predates the site column; a projection's rows are rewritten whenever it is rebuilt.
    public const string Table = "stream_operations";

    public static string CreateTableSql => $"""
        create table if not exists {ReadModelStore.Schema}.{Table} (
            projection   text not null,
            stream_id    text not null,
            operation_id uuid not null,
            primary key (projection, stream_id));
        alter table {ReadModelStore.Schema}.{Table} add column if not exists site_id uuid;
        """;

    /// <summary>
    /// Resolves the origin of every stream in <paramref name="events"/> (events of <paramref name="page"/>): declared by an
    /// event of this page, or recorded earlier. New declarations are recorded with the page's writes; the first
    /// declaration of a stream stands.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, StreamOrigin>> ResolveAsync(
        ProjectionPage page, IReadOnlyList<RecordedEvent> events, Func<object, StreamOrigin?> declaredOrigin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(declaredOrigin);
        var resolved = new Dictionary<string, StreamOrigin>(StringComparer.Ordinal);
        var declared = Declared(events, declaredOrigin);
        var unknown = events.Select(e => e.StreamId).Distinct(StringComparer.Ordinal).Where(s => !declared.ContainsKey(s)).ToArray();
        if (unknown.Length > 0)
        {
            await using var lookup = new NpgsqlCommand(
                $"select stream_id, operation_id, site_id from {ReadModelStore.Schema}.{Table} where projection = $1 and stream_id = any($2)", page.Connection);
            lookup.Parameters.Add(new NpgsqlParameter { Value = projection });
            lookup.Parameters.Add(new NpgsqlParameter { Value = unknown });
            await using var reader = await lookup.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                resolved[reader.GetString(0)] = new StreamOrigin(reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetGuid(2));
            }
        }

        if (declared.Count > 0)
        {
            var record = new NpgsqlBatchCommand($"""
                insert into {ReadModelStore.Schema}.{Table} (projection, stream_id, operation_id, site_id)
                select $1, * from unnest($2::text[], $3::uuid[], $4::uuid[]) on conflict do nothing
                """);
            record.Parameters.Add(new NpgsqlParameter { Value = projection });
            record.Parameters.Add(new NpgsqlParameter { Value = declared.Keys.ToArray() });
            record.Parameters.Add(new NpgsqlParameter { Value = declared.Values.Select(o => o.OperationId).ToArray() });
            record.Parameters.Add(new NpgsqlParameter { Value = declared.Values.Select(o => o.SiteId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            page.Write(record);
        }

        foreach (var (stream, origin) in declared)
        {
            resolved[stream] = origin;
        }

        return resolved;
    }

    /// <summary>The origins that <paramref name="events"/> declare, the first per stream, ignoring any without an operation.</summary>
    public static Dictionary<string, StreamOrigin> Declared(IEnumerable<RecordedEvent> events, Func<object, StreamOrigin?> declaredOrigin)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(declaredOrigin);
        var declared = new Dictionary<string, StreamOrigin>(StringComparer.Ordinal);
        foreach (var recorded in events)
        {
            if (declaredOrigin(recorded.Data) is { } origin && origin.OperationId != Guid.Empty)
            {
                declared.TryAdd(recorded.StreamId, origin);
            }
        }

        return declared;
    }

    public async Task ResetAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"delete from {ReadModelStore.Schema}.{Table} where projection = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = projection });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
