using System.Globalization;
using Microsoft.Extensions.Options;
using RaidCommand.EventStore;
using RaidCommand.Server.Audit.History;

namespace RaidCommand.Server.Audit.Timeline;

/// <summary>The timeline's query string: filters, the late-entry switch and the paging cursor, validated (400 otherwise).</summary>
public static class TimelineQuery
{
    public static HistoryFilter FilterFrom(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var query = http.Request.Query;
        var late = http.RequestServices.GetRequiredService<IOptions<AuditOptions>>().Value.LateEntryThreshold;
        return new HistoryFilter(
            [.. query["type"].Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!)],
            GuidOf(query, "site"),
            GuidOf(query, "person"),
            GuidOf(query, "team"),
            string.IsNullOrWhiteSpace(query["city"]) ? null : query["city"].ToString(),
            InstantOf(query, "from"),
            InstantOf(query, "to"),
            bool.TryParse(query["lateOnly"], out var lateOnly) && lateOnly ? late : null);
    }

    public static long AfterFrom(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var value = http.Request.Query["after"].ToString();
        return value.Length == 0 ? 0
            : long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var after) ? after
            : FeedPosition.TryParse(value, out var position) ? position.GlobalPosition
            : throw new BadHttpRequestException("after must be the nextAfter cursor of a previous page, or a feed position (\"tx-pos\").");
    }

    public static int LimitFrom(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var value = http.Request.Query["limit"].ToString();
        return value.Length == 0 ? 500
            : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is > 0 and <= OperationHistory.MaxPage ? limit
            : throw new BadHttpRequestException($"limit must be between 1 and {OperationHistory.MaxPage}.");
    }

    private static Guid? GuidOf(IQueryCollection query, string name) =>
        query[name].ToString() is { Length: > 0 } value
            ? Guid.TryParse(value, CultureInfo.InvariantCulture, out var id) ? id : throw new BadHttpRequestException($"{name} must be a UUID.")
            : null;

    private static DateTimeOffset? InstantOf(IQueryCollection query, string name) =>
        query[name].ToString() is { Length: > 0 } value
            ? DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant) ? instant
                : throw new BadHttpRequestException($"{name} must be an ISO 8601 instant with an offset.")
            : null;
}
