namespace RaidCommand.Domain.Membership;

public abstract record MembershipCommand(Guid OperationId, Guid UserId);

public sealed record AddMember(Guid OperationId, Guid UserId, string Capacity, Guid? TeamId) : MembershipCommand(OperationId, UserId);

public sealed record RemoveMember(Guid OperationId, Guid UserId, string Reason) : MembershipCommand(OperationId, UserId);
