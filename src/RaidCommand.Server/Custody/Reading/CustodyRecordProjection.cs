using RaidCommand.Domain.Custody;
using RaidCommand.EventStore;
using RaidCommand.Server.ReadModels;

namespace RaidCommand.Server.Custody.Reading;

/// <summary>
/// Keeps one <see cref="CustodyRecord"/> per stream. Only the first event (PersonArrested) names the operation; the
/// stream's later events find it through the projection's <see cref="StreamOriginIndex"/>, so the document stays
/// listed under its operation.
/// </summary>
public sealed class CustodyRecordProjection(ReadModelStore store) : DocumentProjection<CustodyRecord>(store)
{
    public const string ProjectionName = "custody-records";
    public const string TableName = "custody_records";
    private const string PersonStreamPrefix = "person-";


    public override string Name => ProjectionName;

    public override string Table => TableName;

    public static string DocumentId(Guid personId) => personId.ToString("N");

    protected override IEnumerable<DocumentKey> KeysFor(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return IsOwnStream(recorded)
            ? [new DocumentKey(recorded.StreamId[PersonStreamPrefix.Length..], OperationOfStream(recorded.StreamId))]
            : [];
    }

    protected override CustodyRecord? Apply(CustodyRecord? view, DocumentKey key, RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return CustodyRecordFold.Evolve(view, recorded.Data, recorded.StreamVersion, recorded.Metadata.ActorId ?? "unknown");
    }

    protected override bool ResolvesOperationOf(RecordedEvent recorded) => IsOwnStream(recorded);

    protected override StreamOrigin? DeclaredOrigin(object data) => data is PersonArrested arrested ? new StreamOrigin(arrested.OperationId, arrested.SiteId) : null;

    private static bool IsOwnStream(RecordedEvent recorded) => recorded.StreamId.StartsWith(PersonStreamPrefix, StringComparison.Ordinal);
}
