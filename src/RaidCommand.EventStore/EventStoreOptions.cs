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
