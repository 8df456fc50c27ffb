namespace RaidCommand.Server.Commands;

/// <summary>The instant a field team states for what they did; never defaulted, because the server's clock is not when it happened.</summary>
public static class FieldTime
{
    public static DateTimeOffset Required(DateTimeOffset? occurredAt) =>
        occurredAt ?? throw new BadHttpRequestException("occurredAt is required: the instant the field team states it happened, e.g. \"2026-05-26T04:12:00+08:00\".");
}
