namespace RaidCommand.Server.Security.Access;

/// <summary>One operation a caller is a member of, and in which capacity.</summary>
public sealed record OperationMembership(Guid OperationId, string Capacity, Guid? TeamId);

/// <summary>
/// Who the authenticated caller is right now, read from the access tables on every request (not from the token),
/// so revoked roles and removed memberships take effect immediately rather than when the token expires.
/// </summary>
public sealed record CallerAccess(Guid UserId, string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<OperationMembership> Memberships)
{
    public bool Holds(string role) => Roles.Contains(role, StringComparer.Ordinal);

    public OperationMembership? MembershipOf(Guid operationId) => Memberships.FirstOrDefault(m => m.OperationId == operationId);
}
