namespace RaidCommand.Domain.Common;

/// <summary>Shared validation used by all deciders; every failure is an <see cref="ViolationKind.Invalid"/> violation.</summary>
public static class Guard
{
    /// <summary>How far in the future a field-stated occurred-at may lie (clock skew of field devices).</summary>
    public static readonly TimeSpan ClockSkewTolerance = TimeSpan.FromMinutes(5);

    public static void Id(Guid id, string code, string what)
    {
        if (id == Guid.Empty)
        {
            throw DomainRuleViolation.Invalid(code, $"{what} is required.");
        }
    }

    public static void Text(string? value, string code, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw DomainRuleViolation.Invalid(code, $"{what} is required.");
        }
    }

    public static void PositiveMoney(Money? money, string code, string what)
    {
        if (money is null || money.Amount <= 0 || !money.HasIsoCurrency)
        {
            throw DomainRuleViolation.Invalid(code, $"{what} must be a positive amount with an ISO currency code.");
        }
    }

    /// <summary>A field-stated instant may be in the past, but not in the future beyond <see cref="ClockSkewTolerance"/>.</summary>
    public static DateTimeOffset OccurredAt(DateTimeOffset occurredAt, DateTimeOffset now)
    {
        if (occurredAt > now + ClockSkewTolerance)
        {
            throw DomainRuleViolation.Invalid(
                "time.occurred-at-in-future",
                $"Occurred-at {occurredAt:O} is in the future (now {now:O}, tolerance {ClockSkewTolerance}).");
        }

        return occurredAt.ToUniversalTime();
    }
}
