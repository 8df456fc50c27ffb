using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using RaidCommand.EventStore.Diagnostics;
using RaidCommand.EventStore.Feed;

namespace RaidCommand.EventStore.Projections;

/// <summary>
/// Runs one projection on this node. Across all nodes sharing the database exactly one runner per projection
/// leads, by holding a session advisory lock on a dedicated connection; if that node dies its connection
/// closes, the lock goes with it, and a waiting runner takes over from the committed checkpoint.
/// </summary>
public sealed class ProjectionRunner(
    IProjection projection, NpgsqlDataSource dataSource, EventStoreOptions options, EventFeed feed, FeedSignal signal, ILogger logger)
{
    private const int LeadershipLockClass = 0x52430001;
    private static readonly TimeSpan HeldBackRetry = TimeSpan.FromMilliseconds(20);

    private readonly ProjectionCheckpoints _checkpoints = new(options);

    // When this runner last committed a page (a Stopwatch timestamp), for ProjectionPageInterval.
    private long _lastPageAt;

    public string Name => projection.Name;

    /// <summary>True while this runner holds leadership.</summary>
    public bool IsLeader { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                if (!await TryTakeLeadership(connection, cancellationToken))
                {
                    await Task.Delay(options.LeadershipRetryInterval, cancellationToken);
                    continue;
                }

                IsLeader = true;
                logger.LogInformation("Projection {Projection} is led by {Node}", projection.Name, options.NodeName);
                try
                {
                    await LeadUntilStopped(connection, cancellationToken);
                }
                finally
                {
                    IsLeader = false;
                    await ReleaseLeadership(connection);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning(error, "Projection {Projection} lost its connection; leadership is released", projection.Name);
                await Task.Delay(options.LeadershipRetryInterval, CancellationToken.None);
            }
        }
    }

    private async Task<bool> TryTakeLeadership(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select pg_try_advisory_lock($1, hashtext($2))", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = LeadershipLockClass });
        command.Parameters.Add(new NpgsqlParameter { Value = LeadershipKey });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Pooled connections are reset lazily, on their next use, so a lock left on a connection returned to
    /// the pool would outlive this runner. Release it explicitly; a broken connection took it with it already.
    /// </summary>
    private async Task ReleaseLeadership(NpgsqlConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            await using var command = new NpgsqlCommand("select pg_advisory_unlock($1, hashtext($2))", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = LeadershipLockClass });
            command.Parameters.Add(new NpgsqlParameter { Value = LeadershipKey });
            await command.ExecuteScalarAsync(CancellationToken.None);
        }
        catch (NpgsqlException error)
        {
            logger.LogWarning(error, "Could not release leadership of {Projection}; it ends with the connection", projection.Name);
        }
    }

    private string LeadershipKey => $"{options.Schema}:{projection.Name}";

    private async Task LeadUntilStopped(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await _checkpoints.EnsureExists(connection, projection.Name, cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            var wake = signal.NextWake();
            var horizonMove = signal.NextHorizonMove();
            var page = await ApplyNextPage(connection, cancellationToken);
            if (page.Events.Count > 0 && !page.ReachedEnd)
            {
                continue;
            }

            if (page.HeldBack)
            {
                await EventFeed.WaitForWake(Task.WhenAny(wake, horizonMove), HeldBackRetry, cancellationToken);
            }
            else
            {
                // Caught up: anything committed since the page was read has woken us already.
                await EventFeed.WaitForWake(wake, options.FeedPollInterval, cancellationToken);
                if (wake.IsCompleted)
                {
                    // Woken by new events: under a steady stream of them, one page per interval carries them all; and
                    // the readers that push them to people (the live view) go first.
                    await Task.Delay(Max(options.ProjectionWakeDelay, options.ProjectionPageInterval - Stopwatch.GetElapsedTime(_lastPageAt)), cancellationToken);
                    await signal.LiveReaders.WaitUntilCaughtUpAsync(signal.WakeCount, options.ProjectionYieldLimit, cancellationToken);
                }
            }
        }
    }

    /// <summary>
    /// One transaction: take the projection's page lock and read the next page (one round trip), apply it, send its
    /// writes with the checkpoint's move (one round trip), commit.
    /// <para>
    /// The page lock is a transaction advisory lock, which gives the transaction no id, and the projection's writes wait
    /// in the <see cref="ProjectionPage"/> until its reads and folding are done. Every transaction with an id is in the
    /// in-flight set the feed waits out, so the live tail waits for each runner's window from its first write to its
    /// commit; keeping that window to the last two round trips (not the reads and the folding, and not the wake-ups that
    /// find nothing new, which every runner has after every append) is what keeps the live push fast. A rebuild takes
    /// the same lock, so it waits for a page in progress, and a page waits for a rebuild.
    /// </para>
    /// </summary>
    private async Task<FeedPage> ApplyNextPage(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        await TryApplyNextPage(connection, oneByOne: false, cancellationToken)
        // The projection failed on the page, which was rolled back whole: apply it again event by event, so that only
        // the events that fail are dead-lettered. (Rolling back whole, rather than to a savepoint, saves every page the
        // savepoint's round trip.)
        ?? await TryApplyNextPage(connection, oneByOne: true, cancellationToken)
        ?? throw new InvalidOperationException("A page applied event by event cannot fail as a whole.");

    /// <returns>The page, or null when the projection failed on it as a whole and nothing was written.</returns>
    private async Task<FeedPage?> TryApplyNextPage(NpgsqlConnection connection, bool oneByOne, CancellationToken cancellationToken)
    {
        using var activity = EventStoreTelemetry.Activities.StartActivity("eventstore.projection.page");
        activity?.SetTag("eventstore.projection", projection.Name);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var page = await _checkpoints.LockAndReadPage(
            connection, projection.Name, options.DurableProjectionCommits, feed, options.FeedPageSize, cancellationToken);
        if (page.Events.Count == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return page;
        }

        var advance = _checkpoints.Advance(projection.Name, page.LastPosition!.Value, page.Events.Count, options.NodeName);
        if (oneByOne)
        {
            await ApplyOneByOne(connection, transaction, page.Events, cancellationToken);
            await SendAsync(connection, [advance], cancellationToken);
        }
        else
        {
            try
            {
                // The checkpoint's move goes with the projection's writes: a write that fails fails the page.
                var applying = new ProjectionPage(connection, page.Events);
                await projection.ApplyAsync(applying, cancellationToken);
                await SendAsync(connection, [.. applying.TakeWrites(), advance], cancellationToken);
            }
            catch (Exception error) when (IsProjectionFault(error, connection))
            {
                logger.LogWarning(error, "Projection {Projection} failed on a page; applying it event by event", projection.Name);
                await transaction.RollbackAsync(cancellationToken);
                return null;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        activity?.SetTag("eventstore.events", page.Events.Count);
        EventStoreTelemetry.EventsProjected.Add(page.Events.Count, new KeyValuePair<string, object?>("projection", projection.Name));

        _lastPageAt = Stopwatch.GetTimestamp();

        // This transaction may have held other readers' horizon back; let those look again.
        signal.HorizonMoved();
        return page;
    }

    private async Task ApplyOneByOne(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
    {
        foreach (var recorded in events)
        {
            Exception? lastError = null;
            for (var attempt = 1; attempt <= options.ProjectionAttemptsPerEvent; attempt++)
            {
                await transaction.SaveAsync("event", cancellationToken);
                try
                {
                    // Each event's writes are sent inside its savepoint, so a write that fails is this event's failure,
                    // and the next event's reads see what this one wrote.
                    var applying = new ProjectionPage(connection, [recorded]);
                    await projection.ApplyAsync(applying, cancellationToken);
                    await SendAsync(connection, applying.TakeWrites(), cancellationToken);
                    await transaction.ReleaseAsync("event", cancellationToken);
                    lastError = null;
                    break;
                }
                catch (Exception error) when (IsProjectionFault(error, connection))
                {
                    await transaction.RollbackAsync("event", cancellationToken);
                    lastError = error;
                }
            }

            if (lastError is not null)
            {
                logger.LogError(lastError, "Projection {Projection} dead-lettered event {EventId} ({EventType}) at {Position}",
                    projection.Name, recorded.EventId, recorded.EventType, recorded.Position);
                await _checkpoints.DeadLetter(connection, projection.Name, recorded, lastError, cancellationToken);
                EventStoreTelemetry.EventsDeadLettered.Add(1, new KeyValuePair<string, object?>("projection", projection.Name));
            }
        }
    }

    /// <summary>Sends writes in one round trip, in order.</summary>
    private static async Task SendAsync(NpgsqlConnection connection, List<NpgsqlBatchCommand> writes, CancellationToken cancellationToken)
    {
        if (writes.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(connection);
        foreach (var write in writes)
        {
            batch.BatchCommands.Add(write);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static TimeSpan Max(TimeSpan left, TimeSpan right) => left > right ? left : right;

    /// <summary>A fault of the projection's own code or SQL, as opposed to losing the connection or shutting down.</summary>
    private static bool IsProjectionFault(Exception error, NpgsqlConnection connection) =>
        error is not OperationCanceledException
        && connection.State == System.Data.ConnectionState.Open
        && (error is PostgresException || error is not NpgsqlException);
}
