using Npgsql;

namespace RaidCommand.EventStore;

/// <summary>
/// A read model updated inside the append's own transaction: when the append commits, the read model
/// already shows it; when either fails, neither is written. Keep these cheap, they lengthen every append.
/// </summary>
public interface IInlineProjection
{
    /// <param name="connection">The append's connection, inside its open transaction.</param>
    /// <param name="events">The events just appended, in feed order.</param>
    Task ApplyAsync(NpgsqlConnection connection, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken);
}
