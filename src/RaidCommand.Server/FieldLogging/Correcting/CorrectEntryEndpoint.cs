using RaidCommand.Domain.Sites;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.FieldLogging.Correcting;

public static class CorrectEntryEndpoint
{
    public static RouteHandlerBuilder MapCorrectEntry(this RouteGroupBuilder sites) =>
        sites.MapPost("/corrections", async (
                Guid operationId, Guid siteId, CorrectEntryRequest request, CommandContext context, SiteCorrectionHandler handler, HttpContext http, CancellationToken cancellationToken) =>
                CommandResults.Accepted(http, await handler.HandleAsync(ToCommand(operationId, siteId, request, context.Actor.Name), context, cancellationToken)))
            .WithName("CorrectFieldEntry")
            .WithSummary("Void or amend a logged seizure, freeze or stop-payment")
            .WithDescription("Nothing is edited: a correction event names the entry, the reason and the correcting commander (the signed-in account). "
                + "The original stays in the timeline, linked; the board and registers count the corrected values. "
                + "entry: seizure | freeze | stop-payment; action: void | amend (seizures only, with quantity).");

    private static SiteCorrection ToCommand(Guid operationId, Guid siteId, CorrectEntryRequest r, string by) => (r.Entry, r.Action) switch
    {
        ("seizure", "void") => new VoidSeizure(operationId, siteId, r.EntryId, r.Reason, by),
        ("seizure", "amend") => new AmendSeizureQuantity(operationId, siteId, r.EntryId,
            r.Quantity ?? throw new BadHttpRequestException("Amending a seizure needs the recounted quantity."), r.Reason, by),
        ("freeze", "void") => new VoidFreeze(operationId, siteId, r.EntryId, r.Reason, by),
        ("stop-payment", "void") => new VoidStopPayment(operationId, siteId, r.EntryId, r.Reason, by),
        _ => throw new BadHttpRequestException("entry must be seizure, freeze or stop-payment, and action void (or amend, for a seizure)."),
    };
}
