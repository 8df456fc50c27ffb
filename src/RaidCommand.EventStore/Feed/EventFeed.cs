using System.Runtime.CompilerServices;
using Npgsql;
using RaidCommand.EventStore.Reading;

namespace RaidCommand.EventStore.Feed;

/// <summary>
/// The global feed of committed events, gap-free and in an order consistent with every stream.
/// <para>
/// Events are ordered by (transaction id, global position) and a read returns only events of transactions
/// older than the oldest one still in flight (<c>pg_snapshot_xmin</c>). Transaction ids are handed out in
/// increasing order and every transaction below that horizon has ended, so nothing can later commit
/// in front of a position already delivered: no time-outs, no guessing, no skipped events.
/// </para>
/// </summary>
public sealed class EventFeed(NpgsqlDataSource dataSource, EventStoreOptions options, FeedSignal signal)
{
    private static readonly TimeSpan FirstHeldBackRetry = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan LastHeldBackRetry = TimeSpan.FromMilliseconds(100);

    private readonly EventSerializer _serializer = new(options.Types, options.Json);

    /// <summary>
    /// The page query after a position given as SQL: <c>$1, $2</c> for a position passed in, or a row subquery such as
    /// a projection's checkpoint, so that a runner locks and reads its page in one round trip.
    /// </summary>
    internal string PageSql(string after, string limit) => $"""
        select {EventRows.Columns}, transaction_id >= pg_snapshot_xmin(pg_current_snapshot()) as held_back
          from {options.Schema}.events
         where (transaction_id, global_position) > ({after})
         order by transaction_id, global_position
         limit {limit}
        """;

    /// <summary>Reads up to <paramref name="maxCount"/> deliverable events after <paramref name="after"/>.</summary>
    public async Task<FeedPage> ReadPageAsync(FeedPosition after, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadPageAsync(connection, after, maxCount, cancellationToken);
    }

    /// <summary>Reads a page on a connection the caller owns, e.g. inside a projection's transaction.</summary>
    public async Task<FeedPage> ReadPageAsync(NpgsqlConnection connection, FeedPosition after, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(PageSql("$1, $2", "$3"), connection);
        command.Parameters.Add(Xid8.Parameter(after.TransactionId));
        command.Parameters.Add(new NpgsqlParameter { Value = after.GlobalPosition });
        command.Parameters.Add(new NpgsqlParameter { Value = maxCount });

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ReadPageAsync(reader, maxCount, cancellationToken);
    }

    /// <summary>Reads the rows of a <see cref="PageSql"/> query from the reader's current result.</summary>
    internal async Task<FeedPage> ReadPageAsync(NpgsqlDataReader reader, int maxCount, CancellationToken cancellationToken)
    {
        var events = new List<RecordedEvent>();
        var heldBack = false;
        var heldBackOrdinal = reader.FieldCount - 1;
        while (await reader.ReadAsync(cancellationToken))
        {
            // Rows are in feed order, so the first held-back row ends what may be delivered.
            if (reader.GetBoolean(heldBackOrdinal))
            {
                heldBack = true;
                break;
            }

            events.Add(EventRows.Read(reader, _serializer));
        }

        return new FeedPage(events, heldBack, ReachedEnd: !heldBack && events.Count < maxCount);
    }

    /// <summary>
    /// Pages of events after <paramref name="after"/>, forever: first the backlog, then new events as they
    /// commit. Woken by <see cref="FeedSignal"/>, with polling as the fallback.
    /// </summary>
    public IAsyncEnumerable<FeedPage> SubscribeAsync(FeedPosition after, CancellationToken cancellationToken = default) =>
        SubscribeAsync(after, FeedReaderPriority.Background, cancellationToken);

    /// <summary>
    /// Pages of events after <paramref name="after"/>, forever. A <see cref="FeedReaderPriority.Live"/> subscription
    /// is one whose latency people see: while it is registered, projection runners woken by an append start their page
    /// only once it has been given the append's events and has come back for more (see <see cref="LiveReaders"/>), so
    /// its consumer should hand each page on (e.g. push it) before asking for the next.
    /// </summary>
    public async IAsyncEnumerable<FeedPage> SubscribeAsync(
        FeedPosition after, FeedReaderPriority priority, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var live = priority == FeedReaderPriority.Live ? signal.LiveReaders.Register() : null;
        var position = after;
        var heldBackRetry = FirstHeldBackRetry;
        while (!cancellationToken.IsCancellationRequested)
        {
            var wake = signal.NextWake();
            var horizonMove = signal.NextHorizonMove();
            var wakesSeen = signal.WakeCount;
            var page = await ReadPageAsync(position, options.FeedPageSize, cancellationToken);
            if (page.Events.Count > 0)
            {
                position = page.LastPosition!.Value;
                heldBackRetry = FirstHeldBackRetry;
                yield return page;
                if (!page.ReachedEnd)
                {
                    continue;
                }
            }
            else if (page.HeldBack)
            {
                // An open transaction holds committed events back. A local append or projection commit wakes us at once;
                // the back-off only bounds the wait for one that signals nothing (another node's, or not an append).
                await WaitForWake(Task.WhenAny(wake, horizonMove), heldBackRetry, cancellationToken);
                heldBackRetry = TimeSpan.FromTicks(Math.Min(heldBackRetry.Ticks * 2, LastHeldBackRetry.Ticks));
                continue;
            }

            // Nothing more was deliverable when the page was read; anything committed since has woken us (the wake-up
            // was taken before the read), so there is no need to look again at once.
            live?.CaughtUp(wakesSeen);
            await WaitForWake(wake, options.FeedPollInterval, cancellationToken);
        }
    }

    internal static async Task WaitForWake(Task wake, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        try
        {
            await wake.WaitAsync(pollInterval, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The polling fallback: look at the log anyway.
        }
    }
}
