using System.Globalization;

namespace RaidCommand.Server.Audit.AsOf;

/// <summary>?at=&lt;instant&gt;&amp;clock=recorded|occurred, validated (400 otherwise); no instant means now.</summary>
public sealed record AsOfQuery(DateTimeOffset At, AuditClock Clock)
{
    public static AsOfQuery From(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var query = http.Request.Query;
        var at = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var given = query["at"];
        if (given.Count > 0
            && (!given.ToString().Contains('T', StringComparison.Ordinal)
                || !DateTimeOffset.TryParse(given, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out at)))
        {
            throw new BadHttpRequestException("at must be an ISO 8601 instant with an offset, e.g. 2026-06-22T06:00:00+08:00.");
        }

        var clock = query["clock"].ToString().ToUpperInvariant() switch
        {
            "" or "RECORDED" => AuditClock.Recorded,
            "OCCURRED" => AuditClock.Occurred,
            _ => throw new BadHttpRequestException("clock must be 'recorded' or 'occurred'."),
        };
        return new AsOfQuery(at, clock);
    }
}

/// <summary>A read model as it stood at an instant, on one clock, with how many events it reflects.</summary>
public sealed record AsOfView<TView>(DateTimeOffset At, string Clock, int EventsApplied, TView? View);
