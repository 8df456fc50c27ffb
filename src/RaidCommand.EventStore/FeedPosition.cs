using System.Globalization;

namespace RaidCommand.EventStore;

/// <summary>
/// A place in the global feed. The feed is ordered by the writing transaction's id first and the
/// global position second; both are needed to resume without skipping or repeating an event.
/// </summary>
public readonly record struct FeedPosition(ulong TransactionId, long GlobalPosition) : IComparable<FeedPosition>
{
    public static FeedPosition Start { get; } = new(0, 0);

    public int CompareTo(FeedPosition other)
    {
        var byTransaction = TransactionId.CompareTo(other.TransactionId);
        return byTransaction != 0 ? byTransaction : GlobalPosition.CompareTo(other.GlobalPosition);
    }

    public static bool operator <(FeedPosition left, FeedPosition right) => left.CompareTo(right) < 0;
    public static bool operator >(FeedPosition left, FeedPosition right) => left.CompareTo(right) > 0;
    public static bool operator <=(FeedPosition left, FeedPosition right) => left.CompareTo(right) <= 0;
    public static bool operator >=(FeedPosition left, FeedPosition right) => left.CompareTo(right) >= 0;

    /// <summary>A compact token for clients, e.g. "1234-56789".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{TransactionId}-{GlobalPosition}");

    public static bool TryParse(string? token, out FeedPosition position)
    {
        position = Start;
        if (string.IsNullOrWhiteSpace(token))
        {
            return false;
        }

        var dash = token.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0
            || !ulong.TryParse(token.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var transaction)
            || !long.TryParse(token.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var global))
        {
            return false;
        }

        position = new FeedPosition(transaction, global);
        return true;
    }
}
