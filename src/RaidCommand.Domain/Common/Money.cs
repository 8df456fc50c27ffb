namespace RaidCommand.Domain.Common;

/// <summary>An amount in an ISO 4217 currency, e.g. 15000 "CNY".</summary>
public sealed record Money(decimal Amount, string Currency)
{
    public static Money Cny(decimal amount) => new(amount, "CNY");

    /// <summary>True when the currency looks like an ISO 4217 code (three upper-case ASCII letters).</summary>
    public bool HasIsoCurrency =>
        Currency is { Length: 3 } && Currency.All(c => c is >= 'A' and <= 'Z');
}
