using RaidCommand.Domain.Operations;

namespace RaidCommand.Domain.Sites;

/// <summary>Pure read-side helpers over site and operation events.</summary>
public static class CaseMetrics
{
    /// <summary>
    /// Time from the victim's report (<see cref="OriginCase.ReportedAt"/>) to the first stop-payment of the operation,
    /// or null when no stop-payment has been issued.
    /// </summary>
    public static TimeSpan? TimeFromReportToFirstStopPayment(OriginCase origin, IEnumerable<StopPaymentIssued> stopPayments)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(stopPayments);
        var first = stopPayments.Select(s => (DateTimeOffset?)s.OccurredAt).Min();
        return first - origin.ReportedAt;
    }
}
