using RaidCommand.Server.Audit.History;

namespace RaidCommand.Server.Audit.Timeline;

public static class GetTimelineSpanEndpoint
{
    public static RouteHandlerBuilder MapGetTimelineSpan(this RouteGroupBuilder operations) =>
        operations.MapGet("/{operationId:guid}/timeline/span", (Guid operationId, OperationHistory history, CancellationToken cancellationToken) =>
                history.SpanAsync(operationId, cancellationToken))
            .Produces<TimelineSpan>()
            .WithName("GetTimelineSpan")
            .WithSummary("How far the operation's record reaches on each clock")
            .WithDescription("The number of events of the operation and the first and last occurred and recorded instants among them "
                + "(null when there are none): the range an as-of replay can be moved over.");
}
