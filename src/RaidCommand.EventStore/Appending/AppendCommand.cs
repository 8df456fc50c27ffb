using Npgsql;
using NpgsqlTypes;

namespace RaidCommand.EventStore.Appending;

/// <summary>
/// The single call to the append function (schema migration 5), which writes a batch of any shape (several streams,
/// several events per stream, streams that are only checked) in one round trip.
/// </summary>
internal sealed class AppendCommand(string schema, EventSerializer serializer) : IAppendWriter
{
    private readonly string _sql =
        $"select stream_id, stream_version, global_position, transaction_id from {schema}.append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)";

    public string Name => "function";

    /// <summary>The function writes every shape; the store tries it last.</summary>
    public bool Fits(IReadOnlyList<StreamAppend> appends) => true;

    public async Task<AppendResult> ExecuteAsync(NpgsqlConnection connection, IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken)
    {
        await using var command = Build(appends);
        command.Connection = connection;
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var events = new List<AppendedEvent>();
            while (await reader.ReadAsync(cancellationToken))
            {
                events.Add(new AppendedEvent(
                    reader.GetString(0), reader.GetInt64(1), new FeedPosition(reader.GetFieldValue<ulong>(3), reader.GetInt64(2))));
            }

            return new AppendResult(events, WasDuplicate: false);
        }
        catch (PostgresException error) when (error.SqlState == AppendErrors.WrongExpectedVersion)
        {
            throw AppendErrors.ToWrongExpectedVersion(error.MessageText, appends);
        }
    }

    private NpgsqlCommand Build(IReadOnlyList<StreamAppend> appends)
    {
        var eventCount = appends.Sum(a => a.Events.Count);
        var streamIds = new string[appends.Count];
        var expected = new long[appends.Count];
        var eventStreams = new int[eventCount];
        var events = new EventColumns(eventCount);

        var i = 0;
        for (var s = 0; s < appends.Count; s++)
        {
            streamIds[s] = appends[s].StreamId;
            expected[s] = appends[s].Expected.Value;
            foreach (var @event in appends[s].Events)
            {
                eventStreams[i] = s + 1; // PostgreSQL arrays are 1-based.
                events.Set(i, @event, serializer);
                i++;
            }
        }

        var command = new NpgsqlCommand(_sql);
        command.Parameters.Add(EventColumns.Array(NpgsqlDbType.Text, streamIds));
        command.Parameters.Add(EventColumns.Array(NpgsqlDbType.Bigint, expected));
        command.Parameters.Add(EventColumns.Array(NpgsqlDbType.Integer, eventStreams));
        events.AddTo(command.Parameters);
        return command;
    }
}
