using RaidCommand.Domain.Custody;
using RaidCommand.Domain.Operations;
using RaidCommand.Domain.Sites;
using RaidCommand.EventStore;
using RaidCommand.Server.ReadModels;

namespace RaidCommand.Server.Statistics;

/// <summary>
/// Keeps one <see cref="OperationFacts"/> per operation. Operation and site events name their operation; a custody
/// decision does not, so person streams are routed through a <see cref="StreamOriginIndex"/> filled by <c>PersonArrested</c>.
/// </summary>
public sealed class OperationFactsProjection(ReadModelStore store) : DocumentProjection<OperationFacts>(store)
{
    public const string ProjectionName = "campaign-statistics";
    public const string TableName = "operation_facts";
    private const string PersonStreamPrefix = "person-";


    public override string Name => ProjectionName;

    public override string Table => TableName;

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
            FreezeVoided e => e.OperationId,
            _ when IsCustodyFact(recorded) => OperationOfStream(recorded.StreamId),
            _ => null,
        };
        return operationId is { } id ? [new DocumentKey(id.ToString("N"), id)] : [];
    }

    protected override OperationFacts? Apply(OperationFacts? view, DocumentKey key, RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return OperationFactsFold.Evolve(view, recorded.Data);
    }

    protected override bool ResolvesOperationOf(RecordedEvent recorded) => IsCustodyFact(recorded);

    protected override StreamOrigin? DeclaredOrigin(object data) => data is PersonArrested arrested ? new StreamOrigin(arrested.OperationId, arrested.SiteId) : null;

    private static bool IsCustodyFact(RecordedEvent recorded) =>
        recorded.StreamId.StartsWith(PersonStreamPrefix, StringComparison.Ordinal)
        && recorded.Data is PersonArrested or CriminallyDetained or CustodyDecisionCorrected;
}
