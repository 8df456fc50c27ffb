using System.Collections.Immutable;

namespace RaidCommand.Server.Seizures;

/// <summary>The answer of the seizure register: every seizure, and the quantities by category.</summary>
public sealed record SeizureList(Guid OperationId, IReadOnlyList<SeizureEntry> Seizures, ImmutableSortedDictionary<string, int> QuantityByCategory)
{
    public static SeizureList Of(SeizureRegister register)
    {
        ArgumentNullException.ThrowIfNull(register);
        return new(
            register.OperationId,
            [.. register.Seizures.OrderBy(s => s.OccurredAt)],
            register.Seizures.Where(s => s.Correction is not { Voided: true }).GroupBy(s => s.Category.ToString()).ToImmutableSortedDictionary(g => g.Key, g => g.Sum(s => s.Quantity), StringComparer.Ordinal));
    }
}
