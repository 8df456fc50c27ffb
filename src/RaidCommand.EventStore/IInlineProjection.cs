using Npgsql;

namespace RaidCommand.EventStore;

/// <summary>
/// A read model updated inside the append's own transaction: when the append commits, the read model
/// already shows it; when either fails, neither is written. Keep these cheap, they lengthen every append
/// they handle.
/// </summary>
public interface IInlineProjection
{
    /// <summary>
    /// Whether events of this CLR type concern the projection. An append none of whose events concern any
    /// inline projection skips the transaction and the read-back, and stays a single round trip.
    /// </summary>
    bool AppliesTo(Type eventType) => true;

    /// <param name="connection">The append's connection, inside its open transaction.</param>
    /// <param name="events">The events just appended, in feed order (all of them, handled or not).</param>
    Task ApplyAsync(NpgsqlConnection connection, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken);
}
