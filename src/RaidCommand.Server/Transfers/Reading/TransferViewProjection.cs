using RaidCommand.Domain.Transfers;
using RaidCommand.EventStore;
using RaidCommand.Server.ReadModels;

namespace RaidCommand.Server.Transfers.Reading;

/// <summary>
/// Keeps one <see cref="TransferView"/> per stream. Only the first event (TransferPlanned) names the operation; the
/// stream's later events find it through the projection's <see cref="StreamOriginIndex"/>, so the document stays
/// listed under its operation.
/// </summary>
public sealed class TransferViewProjection(ReadModelStore store) : DocumentProjection<TransferView>(store)
{
    public const string ProjectionName = "transfers";
    public const string TableName = "transfers";
    private const string TransferStreamPrefix = "transfer-";


    public override string Name => ProjectionName;

    public override string Table => TableName;

    public static string DocumentId(Guid transferId) => transferId.ToString("N");

    protected override IEnumerable<DocumentKey> KeysFor(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return IsOwnStream(recorded)
            ? [new DocumentKey(recorded.StreamId[TransferStreamPrefix.Length..], OperationOfStream(recorded.StreamId))]
            : [];
    }

    protected override TransferView? Apply(TransferView? view, DocumentKey key, RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return TransferViewFold.Evolve(view, recorded.Data, recorded.StreamVersion);
    }

    protected override bool ResolvesOperationOf(RecordedEvent recorded) => IsOwnStream(recorded);

    protected override StreamOrigin? DeclaredOrigin(object data) => data is TransferPlanned planned ? new StreamOrigin(planned.OperationId) : null;

    private static bool IsOwnStream(RecordedEvent recorded) => recorded.StreamId.StartsWith(TransferStreamPrefix, StringComparison.Ordinal);
}
