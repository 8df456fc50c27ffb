using System.Text.Json;
using System.Text.RegularExpressions;

namespace RaidCommand.EventStore;

/// <summary>Settings of one event store: where it lives in PostgreSQL and how it behaves.</summary>
public sealed partial class EventStoreOptions
{
    private string _schema = "eventstore";

    /// <summary>The PostgreSQL schema holding the store's tables and functions; a plain lower-case identifier.</summary>
    public string Schema
    {
        get => _schema;
        set => _schema = SchemaName().IsMatch(value)
            ? value
            : throw new ArgumentException($"'{value}' is not a plain lower-case PostgreSQL identifier.", nameof(value));
    }

    public EventTypeRegistry Types { get; } = new();

    public JsonSerializerOptions Json { get; set; } = EventSerializer.DefaultJsonOptions();

    /// <summary>How long a caught-up feed reader waits for a wake-up before it looks anyway (the fallback to LISTEN/NOTIFY).</summary>
    public TimeSpan FeedPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Events read per page by feed readers and projection runners.</summary>
    public int FeedPageSize { get; set; } = 1000;

    /// <summary>How often a projection runner that is not the leader tries to take over.</summary>
    public TimeSpan LeadershipRetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Attempts at one event before a projection dead-letters it.</summary>
    public int ProjectionAttemptsPerEvent { get; set; } = 3;

    /// <summary>
    /// How long a projection runner woken by an append waits before anything else, so that its page does not compete
    /// with the moment of the commit: the push's own delivery to the sockets (which goes on after the live readers have
    /// handed the events on, see <see cref="ProjectionYieldLimit"/>) and the client's handling of the answer. Read models
    /// then lag the log by this much more.
    /// </summary>
    public TimeSpan ProjectionWakeDelay { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// The shortest time from one page of a caught-up projection runner to its next, woken by a new append. A commit
    /// after a quiet spell is projected at once (after <see cref="ProjectionWakeDelay"/>); under a steady stream of
    /// commits, each page then carries every commit of this interval instead of one page per commit. A page's cost is
    /// largely per page, not per event (its transaction, and a document projection's load, fold and save of each
    /// document it touches, which grows with the document), so this bounds the CPU the read models take from the node
    /// and from PostgreSQL when writes come fast, at the price of read models lagging by up to this much then.
    /// Zero turns it off.
    /// </summary>
    public TimeSpan ProjectionPageInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// After <see cref="ProjectionWakeDelay"/>, the longest a projection runner woken by an append waits for the live readers (<see cref="Feed.FeedReaderPriority.Live"/>
    /// subscriptions, e.g. a push to command boards) to take the new events first and for the thread pool's queue (their
    /// writes to the sockets) to empty. Every runner wakes on every append, and each page is a transaction with CPU work in
    /// this process and in PostgreSQL; on a small machine that work, done at the instant of the commit, is what the push
    /// would wait behind. A runner normally waits only as long as the push takes (a few milliseconds, or the length of a
    /// fan-out to thousands of clients); this bounds the wait when a live reader is stalled or held back, or the node
    /// stays busy. Without live readers nobody waits.
    /// </summary>
    public TimeSpan ProjectionYieldLimit { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Whether a projection's page transaction waits for its WAL to reach disk before the next page. Off by default:
    /// events are always durable, but a read model is derived from them, and its page and checkpoint commit or are lost
    /// together, so a crash can only take back the last pages, which the runner then applies again from the checkpoint.
    /// Waiting for the flush would keep the transaction open, and every feed reader held back behind it, for the
    /// length of a disk flush per page. Turn it on where readers must never see a read model step back after a crash of
    /// the database.
    /// </summary>
    public bool DurableProjectionCommits { get; set; }

    /// <summary>
    /// How many streams' folded states <see cref="EventStore.AggregateStreamAsync{TState}"/> keeps, so that loading a
    /// stream again reads only its new events (a long-lived stream, such as a den's log, is otherwise read whole by every
    /// command on it). 0 turns the cache off. Each entry holds one state per fold; the events are always read from the
    /// database, so the cache never hides another node's appends.
    /// </summary>
    public int AggregateCacheSize { get; set; } = 10_000;

    /// <summary>
    /// How many append transactions this store runs at once (group commit). An append that arrives while all of them are
    /// busy waits for the next one to finish, which then writes every waiting append in one transaction (streams never
    /// twice; each append keeps its own outcome, see <see cref="EventStore.AppendAsync(IReadOnlyList{StreamAppend}, CancellationToken)"/>).
    /// Under light load nothing waits. Appends that update inline projections are never grouped. 0 turns grouping off:
    /// every append is its own transaction, however many run at once. The default suits a database server of a few
    /// cores (measured in docs/benchmarks.md); a larger one may take more. Each node of a cluster has its own writers.
    /// </summary>
    public int ConcurrentAppendWrites { get; set; } = 2;

    /// <summary>The most events one group commit carries (an append larger than this is still written, alone).</summary>
    public int MaxAppendGroupEvents { get; set; } = 1_000;

    /// <summary>Names this process in the projections table, so operators can see which node leads.</summary>
    public string NodeName { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Projections updated in the same transaction as the append.</summary>
    public IList<IInlineProjection> InlineProjections { get; } = [];

    /// <summary>Asynchronous projections run by <see cref="Projections.ProjectionDaemon"/>.</summary>
    public IList<IProjection> Projections { get; } = [];

    /// <summary>The LISTEN/NOTIFY channel of this store; one per schema so that stores sharing a database do not wake each other.</summary>
    public string NotificationChannel => $"{Schema}_events";

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
