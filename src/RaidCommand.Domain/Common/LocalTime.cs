namespace RaidCommand.Domain.Common;

/// <summary>Pure helpers for converting instants to a city's wall-clock time. Cities carry an IANA zone id.</summary>
public static class LocalTime
{
    /// <summary>True when <paramref name="ianaZone"/> names a time zone known to the machine.</summary>
    public static bool IsKnownZone(string? ianaZone)
    {
        if (string.IsNullOrWhiteSpace(ianaZone))
        {
            return false;
        }

        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(ianaZone);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }

    /// <summary>The wall-clock time in the given zone for an instant (offset set to the zone's offset at that instant).</summary>
    public static DateTimeOffset ForCity(DateTimeOffset instant, string ianaZone) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(ianaZone));
}
