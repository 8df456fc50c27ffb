using RaidCommand.Server.Board;
using RaidCommand.Server.Custody.Reading;
using RaidCommand.Server.ReadModels;

namespace RaidCommand.Server.Audit.AsOf;

/// <summary>The read models auditors see as of an instant, each folded by its live projection's own code.</summary>
public sealed class AsOfFolds(ReadModelStore store)
{
    public AsOfFold<OperationBoard> Board { get; } = new(() => new OperationBoardProjection(store));

    public AsOfFold<CustodyRecord> CustodyRecords { get; } = new(() => new CustodyRecordProjection(store));

    /// <summary>The folds the snapshot projection keeps snapshots of.</summary>
    public IReadOnlyList<AsOfFold> All => [Board, CustodyRecords];
}
