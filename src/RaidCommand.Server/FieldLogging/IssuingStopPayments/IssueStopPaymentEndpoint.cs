using RaidCommand.Domain.Sites;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.FieldLogging.IssuingStopPayments;

public static class IssueStopPaymentEndpoint
{
    public static RouteHandlerBuilder MapIssueStopPayment(this RouteGroupBuilder sites) =>
        sites.MapSiteCommand<IssueStopPaymentRequest>("/stop-payments", (siteId, r, context) => new IssueStopPayment(
                siteId, r.TeamId, FieldTime.Required(r.OccurredAt), r.StopPaymentId ?? EventIds.For(context.CommandId, -1), r.AccountHolder, r.Bank,
                r.AccountNumber, r.Amount, r.OrderReference, r.RequestReference))
            .WithName("IssueStopPayment")
            .WithSummary("Log an emergency stop-payment (止付)")
            .WithDescription("The first stop-payment of an operation sets its time from report to stop-payment. Allowed after dismantling.");
}
