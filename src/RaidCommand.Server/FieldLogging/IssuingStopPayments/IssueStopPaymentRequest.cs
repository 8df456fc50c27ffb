using RaidCommand.Domain.Common;

namespace RaidCommand.Server.FieldLogging.IssuingStopPayments;

/// <summary>An emergency stop-payment (止付) on an account.</summary>
/// <param name="StopPaymentId">Optional client-chosen id; derived from the command id when absent.</param>
public sealed record IssueStopPaymentRequest(
    Guid TeamId,
    DateTimeOffset? OccurredAt,
    Guid? StopPaymentId,
    string AccountHolder,
    string Bank,
    string AccountNumber,
    Money Amount,
    string OrderReference,
    string RequestReference);
