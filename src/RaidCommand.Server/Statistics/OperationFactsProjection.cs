using Npgsql;
using RaidCommand.Domain.Custody;
using RaidCommand.Domain.Operations;
using RaidCommand.Domain.Sites;
using RaidCommand.EventStore;
using RaidCommand.Server.ReadModels;

namespace RaidCommand.Server.Statistics;

/// <summary>
/// Keeps one <see cref="OperationFacts"/> per operation. Operation and site events name their operation; a custody
/// decision does not, so person streams are routed through a <see cref="StreamOperationIndex"/> filled by <c>PersonArrested</c>.
/// </summary>
public sealed class OperationFactsProjection(ReadModelStore store) : DocumentProjection<OperationFacts>(store)
{
    public const string ProjectionName = "campaign-statistics";
    public const string TableName = "operation_facts";
    private const string PersonStreamPrefix = "person-";

    private readonly StreamOperationIndex _index = new(ProjectionName);

    // Set in BeforePageAsync and read by KeysFor for the same page; the daemon applies one page at a time.
    private IReadOnlyDictionary<string, Guid> _personOperations = new Dictionary<string, Guid>();

    public override string Name => ProjectionName;

    public override string Table => TableName;

    protected override async Task BeforePageAsync(NpgsqlConnection connection, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
    {
        var custody = events.Where(IsCustodyFact).ToList();
        _personOperations = custody.Count == 0
            ? new Dictionary<string, Guid>()
            : await _index.ResolveAsync(connection, custody, data => data is PersonArrested arrested ? arrested.OperationId : null, cancellationToken);
    }

    protected override Task ResetExtrasAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        _index.ResetAsync(connection, cancellationToken);

    protected override IEnumerable<DocumentKey> KeysFor(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        Guid? operationId = recorded.Data switch
        {
            OperationOpened e => e.OperationId,
            CityAdded e => e.OperationId,
            CityLaunched e => e.OperationId,
            SiteRegistered e => e.OperationId,
            SiteDismantled e => e.OperationId,
            AssetFrozen e => e.OperationId,
            _ when IsCustodyFact(recorded) => _personOperations.TryGetValue(recorded.StreamId, out var indexed) ? indexed : null,
            _ => null,
        };
        return operationId is { } id ? [new DocumentKey(id.ToString("N"), id)] : [];
    }

    protected override OperationFacts? Apply(OperationFacts? view, DocumentKey key, RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return OperationFactsFold.Evolve(view, recorded.Data);
    }

    private static bool IsCustodyFact(RecordedEvent recorded) =>
        recorded.StreamId.StartsWith(PersonStreamPrefix, StringComparison.Ordinal)
        && recorded.Data is PersonArrested or CriminallyDetained or CustodyDecisionCorrected;
}
