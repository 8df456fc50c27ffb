using System.Text.Json;
using Npgsql;

namespace RaidCommand.EventStore.Appending;

/// <summary>Turns the append function's SQL states into the store's typed exceptions.</summary>
internal static class AppendErrors
{
    public const string WrongExpectedVersion = "RC001";
    public const string EventIdReused = "RC002";
    private const string UniqueViolation = "23505";

    public static Exception? Translate(PostgresException error, IReadOnlyList<StreamAppend> appends) => error.SqlState switch
    {
        WrongExpectedVersion => ToWrongExpectedVersion(error.MessageText, appends),
        EventIdReused => new EventIdReusedException(error.MessageText),
        // Two writers racing the same new event id into different streams: the loser lands here.
        UniqueViolation when error.ConstraintName == "events_event_id_unique" =>
            new EventIdReusedException("An event id in this batch was stored concurrently by another append."),
        _ => null,
    };

    private static WrongExpectedVersionException ToWrongExpectedVersion(string message, IReadOnlyList<StreamAppend> appends)
    {
        using var json = JsonDocument.Parse(message);
        var streamId = json.RootElement.GetProperty("stream").GetString()!;
        var actual = json.RootElement.GetProperty("actual").GetInt64();
        var expected = appends.First(a => a.StreamId == streamId).Expected;
        return new WrongExpectedVersionException(streamId, expected, actual);
    }
}
