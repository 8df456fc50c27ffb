using Npgsql;

namespace RaidCommand.EventStore;

/// <summary>
/// A page of events for an <see cref="IProjection"/>, and the way it writes them. The page's transaction takes a
/// transaction id with its first write, and every feed reader (the live push above all) waits while it holds one.
/// Writes handed to <see cref="Write"/> are therefore not sent at once: the runner sends them all, with the checkpoint's
/// move, in one round trip just before the commit, so the page holds the readers back for two round trips however many
/// reads, folds and writes the projection does.
/// </summary>
public sealed class ProjectionPage
{
    private readonly List<NpgsqlBatchCommand> _writes = [];

    internal ProjectionPage(NpgsqlConnection connection, IReadOnlyList<RecordedEvent> events)
    {
        Connection = connection;
        Events = events;
    }

    /// <summary>The events to apply, in feed order.</summary>
    public IReadOnlyList<RecordedEvent> Events { get; }

    /// <summary>
    /// The connection carrying the page's transaction, for reads. A write sent through it directly takes effect at once
    /// (for a projection that must read back what it wrote within the page), but opens the window early.
    /// </summary>
    public NpgsqlConnection Connection { get; }

    /// <summary>Queues a write, sent before the commit in the order queued. Its effects are not visible to this page's reads.</summary>
    public void Write(NpgsqlBatchCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        _writes.Add(command);
    }

    /// <summary>The queued writes, taken out of the page.</summary>
    internal List<NpgsqlBatchCommand> TakeWrites()
    {
        var writes = new List<NpgsqlBatchCommand>(_writes);
        _writes.Clear();
        return writes;
    }
}
