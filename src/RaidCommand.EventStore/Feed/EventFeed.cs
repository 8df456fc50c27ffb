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

    private string Sql => $"""
        select {EventRows.Columns}, transaction_id >= pg_snapshot_xmin(pg_current_snapshot()) as held_back
          from {options.Schema}.events
         where (transaction_id, global_position) > ($1, $2)
         order by transaction_id, global_position
         limit $3
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
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(Xid8.Parameter(after.TransactionId));
        command.Parameters.Add(new NpgsqlParameter { Value = after.GlobalPosition });
        command.Parameters.Add(new NpgsqlParameter { Value = maxCount });

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
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

        return new FeedPage(events, heldBack);
    }

    /// <summary>
    /// Pages of events after <paramref name="after"/>, forever: first the backlog, then new events as they
    /// commit. Woken by <see cref="FeedSignal"/>, with polling as the fallback.
    /// </summary>
    public async IAsyncEnumerable<FeedPage> SubscribeAsync(FeedPosition after, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var position = after;
        var heldBackRetry = FirstHeldBackRetry;
        while (!cancellationToken.IsCancellationRequested)
        {
            var wake = signal.NextWake();
            var page = await ReadPageAsync(position, options.FeedPageSize, cancellationToken);
            if (page.Events.Count > 0)
            {
                position = page.LastPosition!.Value;
                heldBackRetry = FirstHeldBackRetry;
                yield return page;
                continue;
            }

            if (page.HeldBack)
            {
                // An open transaction holds committed events back. A local append or projection commit wakes us at once;
                // the back-off only bounds the wait for one that signals nothing (another node's, or not an append).
                await WaitForWake(wake, heldBackRetry, cancellationToken);
                heldBackRetry = TimeSpan.FromTicks(Math.Min(heldBackRetry.Ticks * 2, LastHeldBackRetry.Ticks));
                continue;
            }

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
