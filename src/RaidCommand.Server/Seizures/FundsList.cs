using System.Collections.Immutable;

namespace RaidCommand.Server.Seizures;

/// <summary>The answer of the funds register: every freeze and stop-payment, and their totals by currency.</summary>
public sealed record FundsList(
    Guid OperationId,
    IReadOnlyList<FundsEntry> Freezes,
    IReadOnlyList<FundsEntry> StopPayments,
    ImmutableSortedDictionary<string, decimal> FrozenByCurrency,
    ImmutableSortedDictionary<string, decimal> StoppedByCurrency)
{
    public static FundsList Of(SeizureRegister register)
    {
        ArgumentNullException.ThrowIfNull(register);
        return new(
            register.OperationId,
            [.. register.Freezes.OrderBy(f => f.OccurredAt)],
            [.. register.StopPayments.OrderBy(s => s.OccurredAt)],
            ByCurrency(register.Freezes),
            ByCurrency(register.StopPayments));
    }

    private static ImmutableSortedDictionary<string, decimal> ByCurrency(IEnumerable<FundsEntry> entries) =>
        entries.Where(e => e.Correction is not { Voided: true }).GroupBy(e => e.Amount.Currency).ToImmutableSortedDictionary(g => g.Key, g => g.Sum(e => e.Amount.Amount), StringComparer.Ordinal);
}
