using System.Globalization;
using System.Text;

namespace RaidCommand.EventStore.Integrity;

/// <summary>
/// The exact bytes an event's hash covers, rebuilt here independently of the database function that wrote
/// them (schema function <c>canonical_event</c>), so the verifier does not trust code stored in the database.
/// </summary>
internal static class CanonicalEvent
{
    public static byte[] Bytes(StoredEventRow row)
    {
        var text = string.Join('\n',
            "rc-event-v1",
            row.GlobalPosition.ToString(CultureInfo.InvariantCulture),
            row.StreamId,
            row.StreamVersion.ToString(CultureInfo.InvariantCulture),
            row.EventId.ToString("D"),
            row.EventType,
            row.SchemaVersion.ToString(CultureInfo.InvariantCulture),
            row.DataText,
            row.ActorId ?? string.Empty,
            row.ActorRole ?? string.Empty,
            row.DeviceId ?? string.Empty,
            row.CorrelationId ?? string.Empty,
            row.CausationId ?? string.Empty,
            row.CommandId ?? string.Empty,
            UnixMicroseconds(row.OccurredAt).ToString(CultureInfo.InvariantCulture),
            UnixMicroseconds(row.RecordedAt).ToString(CultureInfo.InvariantCulture),
            row.TransactionId);
        return Encoding.UTF8.GetBytes(text);
    }

    private static long UnixMicroseconds(DateTimeOffset instant) => (instant.UtcTicks - DateTime.UnixEpoch.Ticks) / 10;
}

/// <summary>An event row exactly as stored, with the payload as PostgreSQL's canonical jsonb text.</summary>
internal sealed record StoredEventRow(
    long GlobalPosition, string StreamId, long StreamVersion, Guid EventId, string EventType, int SchemaVersion, string DataText,
    string? ActorId, string? ActorRole, string? DeviceId, string? CorrelationId, string? CausationId, string? CommandId,
    DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string TransactionId, byte[] PreviousHash, byte[] Hash);
