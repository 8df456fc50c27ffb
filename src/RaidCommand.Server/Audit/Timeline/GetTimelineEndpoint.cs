namespace RaidCommand.Server.Audit.Timeline;

public static class GetTimelineEndpoint
{
    public static RouteHandlerBuilder MapGetTimeline(this RouteGroupBuilder operations) =>
        operations.MapGet("/{operationId:guid}/timeline", async (Guid operationId, TimelineReader timeline, HttpContext http, CancellationToken cancellationToken) =>
                await timeline.PageAsync(operationId, TimelineQuery.FilterFrom(http), TimelineQuery.AfterFrom(http), TimelineQuery.LimitFrom(http), cancellationToken))
            .Produces<TimelinePage>()
            .WithName("GetTimeline")
            .WithSummary("The operation's timeline, as it happened and as it was recorded")
            .WithDescription("Every event of the operation in feed order: occurred time as stated, effective occurred time (when it counts from on the occurred clock of the as-of views), recorded time, who (account, capacity, device), "
                + "what it changed, late-entry flag, and links between corrections and the facts they void. Filters: type (repeatable), "
                + "site, person, team, city, from/to (occurred time), lateOnly=true. Paged: pass nextAfter as ?after=; limit up to 5000 (default 500).");
}
