using Npgsql;
using RaidCommand.EventStore.Feed;

namespace RaidCommand.EventStore.Projections;

/// <summary>Operator actions on projections: status, dead letters, rebuild from zero.</summary>
public sealed class ProjectionAdmin(NpgsqlDataSource dataSource, EventStoreOptions options, FeedSignal signal)
{
    private readonly ProjectionCheckpoints _checkpoints = new(options);

    /// <summary>How often <see cref="WaitForCheckpointAsync"/> looks at a checkpoint that no local commit has moved.</summary>
    public static TimeSpan CheckpointPollInterval { get; } = TimeSpan.FromMilliseconds(20);

    public async Task<IReadOnlyList<ProjectionStatus>> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            select p.name, p.status, p.last_transaction_id, p.last_position, p.events_applied, p.leader, p.last_error,
                   (select count(*) from {options.Schema}.dead_letters d where d.projection = p.name), p.updated_at
              from {options.Schema}.projections p order by p.name
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var statuses = new List<ProjectionStatus>();
        while (await reader.ReadAsync(cancellationToken))
        {
            statuses.Add(new ProjectionStatus(
                reader.GetString(0), reader.GetString(1),
                new FeedPosition(reader.GetFieldValue<ulong>(2), reader.GetInt64(3)),
                reader.GetInt64(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetInt64(7), reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return statuses;
    }

    /// <summary>
    /// Read-your-writes: waits until the projection's committed checkpoint has reached <paramref name="position"/>
    /// (the position an append returned), so that its read model reflects that append. False if it has not within
    /// <paramref name="timeout"/>.
    /// <para>
    /// This node's own projection commits wake the wait at once (the horizon-move signal each page commit gives). A
    /// projection led by another node commits there without notifying this one, so the wait also looks every
    /// <see cref="CheckpointPollInterval"/>.
    /// </para>
    /// </summary>
    public async Task<bool> WaitForCheckpointAsync(
        string projectionName, FeedPosition position, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        _ = Registered(projectionName); // Refuses an unknown name before waiting for it.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            while (true)
            {
                // Taken before the read, so that a commit landing between the read and the wait is not missed.
                var horizonMove = signal.NextHorizonMove();
                if (await _checkpoints.Find(dataSource, projectionName, limit.Token) is { } checkpoint && checkpoint >= position)
                {
                    return true;
                }

                await EventFeed.WaitForWake(horizonMove, CheckpointPollInterval, limit.Token);
            }
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(string projection, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            select projection, transaction_id, global_position, event_id, event_type, error, failed_at
              from {options.Schema}.dead_letters where projection = $1 order by transaction_id, global_position
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = projection });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var letters = new List<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add(new DeadLetter(
                reader.GetString(0),
                new FeedPosition(reader.GetFieldValue<ulong>(1), reader.GetInt64(2)),
                reader.GetGuid(3), reader.GetString(4), reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return letters;
    }

    /// <summary>
    /// Clears the projection's data and checkpoint in one transaction; its leader (on whichever node) then
    /// replays the feed from the start. Waits for the leader's current page to commit first.
    /// </summary>
    public async Task RebuildAsync(string projectionName, CancellationToken cancellationToken = default)
    {
        var projection = Registered(projectionName);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await _checkpoints.EnsureExists(connection, projection.Name, cancellationToken);
        await _checkpoints.LockPage(connection, projection.Name, durable: true, cancellationToken);
        await projection.ResetAsync(connection, cancellationToken);
        await _checkpoints.Reset(connection, projection.Name, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Wake();
    }

    private IProjection Registered(string projectionName) =>
        options.Projections.FirstOrDefault(p => p.Name == projectionName)
        ?? throw new ArgumentException($"No projection named '{projectionName}' is registered.", nameof(projectionName));
}
