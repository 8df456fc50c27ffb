using System.Globalization;
using System.Net;
using RaidCommand.Server.Audit.Integrity;
using RaidCommand.Server.Audit.Timeline;

namespace RaidCommand.Server.Audit.Export;

/// <summary>The HTML of the printable report, in three parts so that it can be streamed: head, one row per event, tail.</summary>
public static class PrintableReport
{
    public static string Head(Guid operationId, DateTimeOffset printedAt) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Operation {{operationId:N}}: audit timeline</title>
        <style>
          body { font: 10pt/1.35 "Noto Sans CJK SC", "Noto Sans", sans-serif; margin: 1.5cm; }
          table { border-collapse: collapse; width: 100%; }
          th, td { border: 1px solid #999; padding: 2px 4px; vertical-align: top; text-align: left; }
          thead { display: table-header-group; }
          tr { page-break-inside: avoid; }
          .late { background: #fff3cd; }
          .mono { font-family: monospace; font-size: 8pt; word-break: break-all; }
          @media print { body { margin: 0; } a { color: inherit; text-decoration: none; } }
        </style></head><body>
        <h1>Audit timeline: operation {{operationId:N}}</h1>
        <p>Printed {{Instant(printedAt)}} (UTC). Every event as recorded, in feed order. Corrections are separate entries linked to what they void; nothing is edited or deleted.</p>
        <table><thead><tr><th>#</th><th>Occurred</th><th>Recorded</th><th>Who (role, device)</th><th>What</th><th>Event</th></tr></thead><tbody>

        """;

    public static string Row(TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var links = (entry.Corrects is { } corrects ? $"<br>voids {corrects}" : "") + (entry.CorrectedBy is { } by ? $"<br>voided by {by}" : "");
        return $"""
            <tr id="e{entry.EventId:N}"{(entry.Late ? " class=\"late\"" : "")}><td>{entry.GlobalPosition}</td><td>{Instant(entry.OccurredAt)}</td><td>{Instant(entry.RecordedAt)}{(entry.Late ? " (late)" : "")}</td><td>{Html(entry.ActorName ?? entry.ActorId)} ({Html(entry.ActorRole)}, {Html(entry.DeviceId)})</td><td>{Html(entry.Description)}{links}</td><td class="mono">{Html(entry.Type)}<br>{entry.EventId}<br>{Html(entry.StreamId)} v{entry.StreamVersion}</td></tr>

            """;
    }

    public static string Tail(IntegritySummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var body = summary.Intact
            ? $"""
              <p>The hash chains of the store are intact ({summary.EventsChecked} events in {summary.StreamsChecked} streams). The SHA-256 digest of the chain heads of the streams in this report is</p>
              <p class="mono">{summary.HeadsDigest}</p>
              <p>Signed text and ECDSA P-256 signature (key {summary.KeyId}, public key at /api/audit/public-key):</p>
              <pre class="mono">{Html(summary.SignedText)}</pre><p class="mono">{summary.Signature}</p>
              """
            : $"<p><strong>INTEGRITY CHECK FAILED</strong>: {Html(summary.FirstBrokenLink?.StreamId)} version {summary.FirstBrokenLink?.StreamVersion}: {Html(summary.FirstBrokenLink?.Reason)}</p>";
        return $"</tbody></table><h2>Integrity</h2>{body}</body></html>\n";
    }

    private static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Html(string? text) => WebUtility.HtmlEncode(text ?? "");
}
