using Npgsql;

namespace RaidCommand.EventStore.Appending;

/// <summary>
/// What is already stored under a batch's event ids, looked up after an append failed on an event id or an expected
/// version. A batch stored whole, in the same streams, is a retry: it is acknowledged with its original positions.
/// Because the lookup goes through the events_event_id_unique index, this holds forever, not for a cache window.
/// </summary>
internal static class StoredBatch
{
    /// <returns>The original result of a retried batch, or null when none of its event ids is stored.</returns>
    /// <exception cref="EventIdReusedException">Only part of the batch is stored, or some of it in another stream.</exception>
    public static async Task<AppendResult?> FindAsync(
        NpgsqlConnection connection, string schema, IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken)
    {
        var sent = new Dictionary<Guid, string>();
        foreach (var append in appends)
        {
            foreach (var @event in append.Events)
            {
                sent[@event.EventId] = append.StreamId;
            }
        }

        await using var command = new NpgsqlCommand(
            $"select event_id, stream_id, stream_version, global_position, transaction_id from {schema}.events where event_id = any($1) order by global_position",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = sent.Keys.ToArray() });
        var stored = new List<AppendedEvent>();
        var elsewhere = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var streamId = reader.GetString(1);
                if (sent[reader.GetGuid(0)] != streamId)
                {
                    elsewhere++;
                }

                stored.Add(new AppendedEvent(streamId, reader.GetInt64(2), new FeedPosition(reader.GetFieldValue<ulong>(4), reader.GetInt64(3))));
            }
        }

        if (stored.Count == 0)
        {
            return null;
        }

        if (stored.Count < sent.Count || elsewhere > 0)
        {
            throw new EventIdReusedException(
                $"{stored.Count} of {sent.Count} event ids in this batch are already stored ({elsewhere} in another stream); a retry re-sends the whole batch to the same streams.");
        }

        return new AppendResult(stored, WasDuplicate: true);
    }
}
