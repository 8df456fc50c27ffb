using Npgsql;

namespace RaidCommand.EventStore;

/// <summary>
/// A read model kept asynchronously from the global feed. The runner calls <see cref="ApplyAsync"/> inside a
/// transaction that also moves the projection's checkpoint, so every event takes effect exactly once.
/// </summary>
public interface IProjection
{
    /// <summary>A stable name: it keys the checkpoint and the leadership lock.</summary>
    string Name { get; }

    /// <summary>
    /// Applies the page's events in feed order: read through <see cref="ProjectionPage.Connection"/>, which carries the
    /// checkpoint's transaction, and write through <see cref="ProjectionPage.Write"/>.
    /// </summary>
    Task ApplyAsync(ProjectionPage page, CancellationToken cancellationToken);

    /// <summary>Removes everything this projection wrote, before a rebuild from the start of the feed.</summary>
    Task ResetAsync(NpgsqlConnection connection, CancellationToken cancellationToken);
}
