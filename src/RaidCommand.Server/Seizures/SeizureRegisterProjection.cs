using RaidCommand.Domain.Operations;
using RaidCommand.Domain.Sites;
using RaidCommand.EventStore;
using RaidCommand.Server.ReadModels;

namespace RaidCommand.Server.Seizures;

/// <summary>Keeps one <see cref="SeizureRegister"/> per operation from the operation's opening, its sites and their field logs.</summary>
public sealed class SeizureRegisterProjection(ReadModelStore store) : DocumentProjection<SeizureRegister>(store)
{
    public const string ProjectionName = "seizure-registers";
    public const string TableName = "seizure_registers";

    public override string Name => ProjectionName;

    public override string Table => TableName;

    public static string DocumentId(Guid operationId) => operationId.ToString("N");

    protected override IEnumerable<DocumentKey> KeysFor(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        Guid? operationId = recorded.Data switch
        {
            OperationOpened e => e.OperationId,
            SiteRegistered e => e.OperationId,
            SeizureLogged e => e.OperationId,
            AssetFrozen e => e.OperationId,
            StopPaymentIssued e => e.OperationId,
            SeizureVoided e => e.OperationId,
            SeizureQuantityAmended e => e.OperationId,
            FreezeVoided e => e.OperationId,
            StopPaymentVoided e => e.OperationId,
            _ => null,
        };
        return operationId is { } id ? [new DocumentKey(DocumentId(id), id)] : [];
    }

    protected override SeizureRegister? Apply(SeizureRegister? view, DocumentKey key, RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return SeizureRegisterFold.Evolve(view, recorded.Data, recorded.RecordedAt);
    }
}
