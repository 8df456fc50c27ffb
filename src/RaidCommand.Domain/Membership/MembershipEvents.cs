using System.Collections.Frozen;

namespace RaidCommand.Domain.Membership;

/// <summary>Someone was put on an operation: from now on they see it, and act in it as <see cref="Capacity"/> allows.</summary>
/// <param name="TeamId">The field officer's team; their field entries are limited to the sites assigned to it.</param>
public sealed record MemberAdded(Guid OperationId, Guid UserId, string Capacity, Guid? TeamId, DateTimeOffset AddedAt);

public sealed record MemberRemoved(Guid OperationId, Guid UserId, string Reason, DateTimeOffset RemovedAt);

public static class MembershipEvents
{
    public static readonly IReadOnlyDictionary<Type, string> TypeNames = new Dictionary<Type, string>
    {
        [typeof(MemberAdded)] = "operation-member-added",
        [typeof(MemberRemoved)] = "operation-member-removed",
    }.ToFrozenDictionary();
}
