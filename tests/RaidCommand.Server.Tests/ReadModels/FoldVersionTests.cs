using RaidCommand.Server.ReadModels;
using RaidCommand.Server.Board;
using RaidCommand.Server.Custody.Reading;

namespace RaidCommand.Server.Tests.ReadModels;

/// <summary>The version stamped on read-model tables and snapshots follows the view's shape and the fold's declared revision.</summary>
public sealed class FoldVersionTests
{
    [Fact]
    public void The_same_view_and_revision_always_give_the_same_version()
    {
        Assert.Equal(FoldVersion.Of(typeof(OperationBoard), 1), FoldVersion.Of(typeof(OperationBoard), 1));
        Assert.Matches("^r1-[0-9a-f]{16}$", FoldVersion.Of(typeof(OperationBoard), 1));
    }

    [Fact]
    public void Another_revision_or_another_view_gives_another_version()
    {
        Assert.NotEqual(FoldVersion.Of(typeof(OperationBoard), 1), FoldVersion.Of(typeof(OperationBoard), 2));
        Assert.NotEqual(FoldVersion.Of(typeof(OperationBoard), 1), FoldVersion.Of(typeof(CustodyRecord), 1));
    }

    [Fact]
    public void A_change_deep_inside_the_view_changes_the_version()
    {
        // Same outer shape, different element types two levels down.
        Assert.NotEqual(FoldVersion.Of(typeof(Outer<Leaf>), 1), FoldVersion.Of(typeof(Outer<OtherLeaf>), 1));
        Assert.NotEqual(FoldVersion.Of(typeof(Outer<Leaf>), 1), FoldVersion.Of(typeof(Outer<KindLeaf>), 1));
    }

    public sealed record Outer<T>(IReadOnlyList<Inner<T>> Items);

    public sealed record Inner<T>(T Value);

    public sealed record Leaf(int Count);

    public sealed record OtherLeaf(long Count);

    public sealed record KindLeaf(Kind Count);

    public enum Kind
    {
        One,
    }
}
