using System.Security.Cryptography;
using Npgsql;

namespace RaidCommand.EventStore.Integrity;

/// <summary>
/// Recomputes every event's hash from its stored content and its predecessor's hash, and checks each stream's
/// recorded head, so that an updated, deleted, inserted or reordered row is found. Streams the log in
/// stream order; memory holds one stream head at a time plus the list of stream heads.
/// </summary>
public sealed class ChainVerifier(NpgsqlDataSource dataSource, EventStoreOptions options)
{
    public Task<ChainVerification> VerifyStreamAsync(string streamId, CancellationToken cancellationToken = default) =>
        Verify(streamId, cancellationToken);

    public Task<ChainVerification> VerifyAllAsync(CancellationToken cancellationToken = default) =>
        Verify(null, cancellationToken);

    private async Task<ChainVerification> Verify(string? onlyStream, CancellationToken cancellationToken)
    {
        var heads = await ReadStreamHeads(onlyStream, cancellationToken);
        var chainHeads = new SortedDictionary<string, string>(StringComparer.Ordinal);
        long events = 0;
        ChainCursor? cursor = null;

        await using var command = dataSource.CreateCommand($"""
            select global_position, stream_id, stream_version, event_id, event_type, schema_version, data::text,
                   actor_id, actor_role, device_id, correlation_id, causation_id, command_id,
                   occurred_at, recorded_at, transaction_id::text, previous_hash, hash
              from {options.Schema}.events
             where $1::text is null or stream_id = $1
             order by stream_id, stream_version
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)onlyStream ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = ReadRow(reader);
            events++;
            if (cursor is null || cursor.StreamId != row.StreamId)
            {
                if (cursor is not null && Close(cursor, heads, chainHeads) is { } headBreak)
                {
                    return Broken(headBreak);
                }

                cursor = new ChainCursor(row.StreamId);
            }

            if (cursor.Check(row) is { } linkBreak)
            {
                return Broken(linkBreak);
            }
        }

        if (cursor is not null && Close(cursor, heads, chainHeads) is { } lastBreak)
        {
            return Broken(lastBreak);
        }

        // Stream heads left over have lost every event.
        if (heads.Count > 0)
        {
            var orphan = heads.Keys.Order(StringComparer.Ordinal).First();
            return Broken(new BrokenLink(orphan, null, null, "The stream is recorded but none of its events are present."));
        }

        return new ChainVerification(true, chainHeads.Count, events, null, chainHeads);

        ChainVerification Broken(BrokenLink link) => new(false, chainHeads.Count, events, link, chainHeads);
    }

    private static BrokenLink? Close(ChainCursor cursor, Dictionary<string, (long Version, byte[] Head)> heads, SortedDictionary<string, string> chainHeads)
    {
        if (!heads.Remove(cursor.StreamId, out var recorded))
        {
            return new BrokenLink(cursor.StreamId, cursor.Version, null, "Events exist for a stream that has no recorded head.");
        }

        if (recorded.Version != cursor.Version || !recorded.Head.AsSpan().SequenceEqual(cursor.Head))
        {
            return new BrokenLink(cursor.StreamId, cursor.Version, null,
                $"The stream's recorded head (version {recorded.Version}) does not match its last event (version {cursor.Version}): events were removed or added at the end.");
        }

        chainHeads[cursor.StreamId] = Convert.ToHexStringLower(cursor.Head);
        return null;
    }

    private async Task<Dictionary<string, (long Version, byte[] Head)>> ReadStreamHeads(string? onlyStream, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select stream_id, version, head_hash from {options.Schema}.streams where $1::text is null or stream_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)onlyStream ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var heads = new Dictionary<string, (long, byte[])>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            heads[reader.GetString(0)] = (reader.GetInt64(1), reader.GetFieldValue<byte[]>(2));
        }

        return heads;
    }

    private static StoredEventRow ReadRow(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetGuid(3), reader.GetString(4), reader.GetInt32(5), reader.GetString(6),
        Nullable(reader, 7), Nullable(reader, 8), Nullable(reader, 9), Nullable(reader, 10), Nullable(reader, 11), Nullable(reader, 12),
        reader.GetFieldValue<DateTimeOffset>(13), reader.GetFieldValue<DateTimeOffset>(14), reader.GetString(15),
        reader.GetFieldValue<byte[]>(16), reader.GetFieldValue<byte[]>(17));

    private static string? Nullable(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Walks one stream's chain event by event.</summary>
    private sealed class ChainCursor(string streamId)
    {
        public string StreamId { get; } = streamId;

        public long Version { get; private set; }

        public byte[] Head { get; private set; } = [];

        public BrokenLink? Check(StoredEventRow row)
        {
            if (row.StreamVersion != Version + 1)
            {
                return new BrokenLink(StreamId, row.StreamVersion, row.GlobalPosition,
                    $"Version {row.StreamVersion} follows version {Version}: an event is missing or was inserted.");
            }

            if (!row.PreviousHash.AsSpan().SequenceEqual(Head))
            {
                return new BrokenLink(StreamId, row.StreamVersion, row.GlobalPosition, "The event does not link to the hash of the event before it.");
            }

            var expected = SHA256.HashData([.. Head, .. CanonicalEvent.Bytes(row)]);
            if (!expected.AsSpan().SequenceEqual(row.Hash))
            {
                return new BrokenLink(StreamId, row.StreamVersion, row.GlobalPosition, "The event's content does not match its hash: it was altered.");
            }

            Version = row.StreamVersion;
            Head = row.Hash;
            return null;
        }
    }
}
