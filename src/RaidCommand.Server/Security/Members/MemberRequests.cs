namespace RaidCommand.Server.Security.Members;

/// <param name="Capacity">commander, field-officer or auditor; the account must hold the role of the same name.</param>
/// <param name="TeamId">For field officers: the operation's team they log for.</param>
public sealed record AddMemberRequest(Guid UserId, string Capacity, Guid? TeamId);

public sealed record RemoveMemberRequest(string Reason);

public sealed record MemberView(Guid UserId, string UserName, string DisplayName, string Capacity, Guid? TeamId, bool Active);
