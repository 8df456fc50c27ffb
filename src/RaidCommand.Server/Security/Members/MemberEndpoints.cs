using RaidCommand.Domain.Membership;
using RaidCommand.Server.Commands;
using RaidCommand.Server.Security.Access;

namespace RaidCommand.Server.Security.Members;

public static class MemberEndpoints
{
    public static RouteHandlerBuilder MapAddMember(this RouteGroupBuilder operations) =>
        operations.MapCommand<AddMemberRequest, MembershipCommand>("/{operationId:guid}/members", "operationId",
                (id, r, _) => new AddMember(id, r.UserId, r.Capacity, r.TeamId))
            .WithName("AddMember").WithSummary("Put someone on the operation")
            .WithDescription("By the operation's commanders or an administrator. The account must hold the role matching the capacity; "
                + "field officers name one of the operation's teams. Takes effect on the member's next request.");

    public static RouteHandlerBuilder MapRemoveMember(this RouteGroupBuilder operations) =>
        operations.MapPost("/{operationId:guid}/members/{userId:guid}/removal", async (
                Guid operationId, Guid userId, RemoveMemberRequest request, CommandContext context, ICommandHandler<MembershipCommand> handler, HttpContext http, CancellationToken cancellationToken) =>
                CommandResults.Accepted(http, await handler.HandleAsync(new RemoveMember(operationId, userId, request.Reason), context, cancellationToken)))
            .WithName("RemoveMember").WithSummary("Take someone off the operation")
            .WithDescription("With a reason. The last commander cannot be removed (409). Takes effect on the member's next request.");

    public static RouteHandlerBuilder MapListMembers(this RouteGroupBuilder operations) =>
        operations.MapGet("/{operationId:guid}/members", async (Guid operationId, AccessDirectory directory, CancellationToken cancellationToken) =>
                (await directory.MembersOfAsync(operationId, cancellationToken))
                    .Select(m => new MemberView(m.Account.UserId, m.Account.UserName, m.Account.DisplayName, m.Membership.Capacity, m.Membership.TeamId, m.Account.Active))
                    .ToList())
            .WithName("ListMembers").WithSummary("Who is on the operation");
}
