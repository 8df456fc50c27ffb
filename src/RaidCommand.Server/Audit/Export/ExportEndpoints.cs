using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using RaidCommand.EventStore.Integrity;
using RaidCommand.Server.Audit.Integrity;
using RaidCommand.Server.Audit.Timeline;

namespace RaidCommand.Server.Audit.Export;

/// <summary>
/// The timeline exported for the court file: JSON and CSV for tools, and a printable HTML report that ends with the
/// signed digest of the chain heads of every stream it shows. All three stream one page of the log at a time and
/// never hold the whole timeline. They take the timeline's filters (e.g. ?person= for one detained person's file).
/// </summary>
public static class ExportEndpoints
{
    private const string Filters = "Filters as for the timeline: type, site, person (one detained person's file), team, city, from, to, lateOnly.";

    public static RouteHandlerBuilder MapExportJson(this RouteGroupBuilder operations) =>
        operations.MapGet("/{operationId:guid}/export.json", (Guid operationId, TimelineReader timeline, HttpContext http, CancellationToken cancellationToken) =>
                timeline.AllAsync(operationId, TimelineQuery.FilterFrom(http), cancellationToken))
            .WithName("ExportTimelineJson").WithSummary("The timeline as a JSON array (streamed)").WithDescription(Filters);

    public static RouteHandlerBuilder MapExportCsv(this RouteGroupBuilder operations) =>
        operations.MapGet("/{operationId:guid}/export.csv", async (Guid operationId, TimelineReader timeline, HttpContext http, CancellationToken cancellationToken) =>
            {
                var filter = TimelineQuery.FilterFrom(http);
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"timeline-{operationId:N}.csv\"";
                await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), leaveOpen: true);
                await writer.WriteAsync("position,event_id,stream_id,stream_version,type,occurred_at,recorded_at,late,actor_id,actor_name,actor_role,device_id,command_id,corrects,corrected_by,description\r\n");
                await foreach (var e in timeline.AllAsync(operationId, filter, cancellationToken))
                {
                    string?[] fields =
                    [
                        e.Position, e.EventId.ToString(), e.StreamId, e.StreamVersion.ToString(CultureInfo.InvariantCulture), e.Type,
                        e.OccurredAt.ToString("O", CultureInfo.InvariantCulture), e.RecordedAt.ToString("O", CultureInfo.InvariantCulture), e.Late ? "true" : "false",
                        e.ActorId, e.ActorName, e.ActorRole, e.DeviceId, e.CommandId, e.Corrects?.ToString(), e.CorrectedBy?.ToString(), e.Description,
                    ];
                    await writer.WriteAsync(string.Join(',', fields.Select(CsvField.Of)) + "\r\n");
                }
            })
            .WithName("ExportTimelineCsv").WithSummary("The timeline as CSV (RFC 4180, streamed)").WithDescription(Filters);

    public static RouteHandlerBuilder MapPrintableReport(this RouteGroupBuilder operations) =>
        operations.MapGet("/{operationId:guid}/report", async (
                Guid operationId, TimelineReader timeline, ChainVerifier verifier, IntegritySigner signer, TimeProvider clock, HttpContext http, CancellationToken cancellationToken) =>
            {
                var filter = TimelineQuery.FilterFrom(http);
                http.Response.ContentType = "text/html; charset=utf-8";
                await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), leaveOpen: true);
                await writer.WriteAsync(PrintableReport.Head(operationId, clock.GetUtcNow()));
                var streams = new HashSet<string>(StringComparer.Ordinal);
                await foreach (var e in timeline.AllAsync(operationId, filter, cancellationToken))
                {
                    streams.Add(e.StreamId);
                    await writer.WriteAsync(PrintableReport.Row(e));
                }

                var summary = IntegritySummary.Of(await verifier.VerifyAllAsync(cancellationToken), $"operation {operationId:N}", streams, clock.GetUtcNow(), signer);
                await writer.WriteAsync(PrintableReport.Tail(summary));
            })
            .WithName("PrintTimelineReport").WithSummary("A printable report of the timeline with its signed chain digest").WithDescription(Filters);
}
