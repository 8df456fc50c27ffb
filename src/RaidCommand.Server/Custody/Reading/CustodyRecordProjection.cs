using Npgsql;
using RaidCommand.Domain.Custody;
using RaidCommand.EventStore;
using RaidCommand.Server.ReadModels;

namespace RaidCommand.Server.Custody.Reading;

/// <summary>
/// Keeps one <see cref="CustodyRecord"/> per stream. Only the first event (PersonArrested) names the operation, and the document
/// store takes a page's operation id from the last event that touched a document, so every event of the stream is
/// routed through a <see cref="StreamOperationIndex"/> to keep the document listed under its operation.
/// </summary>
public sealed class CustodyRecordProjection(ReadModelStore store) : DocumentProjection<CustodyRecord>(store)
{
    public const string ProjectionName = "custody-records";
    public const string TableName = "custody_records";
    private const string PersonStreamPrefix = "person-";

    private readonly StreamOperationIndex _index = new(ProjectionName);

    // Set in BeforePageAsync and read by KeysFor for the same page; the daemon applies one page at a time.
    private IReadOnlyDictionary<string, Guid> _operations = new Dictionary<string, Guid>();

    public override string Name => ProjectionName;

    public override string Table => TableName;

    public static string DocumentId(Guid personId) => personId.ToString("N");

    protected override async Task BeforePageAsync(NpgsqlConnection connection, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
    {
        var owned = events.Where(IsOwnStream).ToList();
        _operations = owned.Count == 0
            ? new Dictionary<string, Guid>()
            : await _index.ResolveAsync(connection, owned, data => data is PersonArrested arrested ? arrested.OperationId : null, cancellationToken);
    }

    protected override Task ResetExtrasAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        _index.ResetAsync(connection, cancellationToken);

    protected override IEnumerable<DocumentKey> KeysFor(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return IsOwnStream(recorded)
            ? [new DocumentKey(recorded.StreamId[PersonStreamPrefix.Length..], _operations.TryGetValue(recorded.StreamId, out var operationId) ? operationId : null)]
            : [];
    }

    protected override CustodyRecord? Apply(CustodyRecord? view, DocumentKey key, RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return CustodyRecordFold.Evolve(view, recorded.Data, recorded.StreamVersion, recorded.Metadata.ActorId ?? "unknown");
    }

    private static bool IsOwnStream(RecordedEvent recorded) => recorded.StreamId.StartsWith(PersonStreamPrefix, StringComparison.Ordinal);
}
