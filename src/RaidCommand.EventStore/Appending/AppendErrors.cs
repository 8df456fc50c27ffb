using System.Text.Json;
using Npgsql;

namespace RaidCommand.EventStore.Appending;

/// <summary>What the append statements' failures mean.</summary>
internal static class AppendErrors
{
    /// <summary>Raised by the append function; the message is JSON naming the stream and its actual version.</summary>
    public const string WrongExpectedVersion = "RC001";
    private const string UniqueViolation = "23505";
    private const string EventIdConstraint = "events_event_id_unique";

    /// <summary>An event id of the batch is stored already: a retry, or a reuse (the store looks which).</summary>
    public static bool IsEventIdTaken(Exception error) =>
        error is PostgresException { SqlState: UniqueViolation, ConstraintName: EventIdConstraint };

    public static WrongExpectedVersionException ToWrongExpectedVersion(string message, IReadOnlyList<StreamAppend> appends)
    {
        using var json = JsonDocument.Parse(message);
        var streamId = json.RootElement.GetProperty("stream").GetString()!;
        var actual = json.RootElement.GetProperty("actual").GetInt64();
        var expected = appends.First(a => a.StreamId == streamId).Expected;
        return new WrongExpectedVersionException(streamId, expected, actual);
    }
}
