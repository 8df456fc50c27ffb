using RaidCommand.Domain.Operations;

namespace RaidCommand.Server.Operations.AssigningTeams;

public static class AssignTeamEndpoint
{
    public static RouteHandlerBuilder MapAssignTeam(this RouteGroupBuilder operations) =>
        operations.MapOperationCommand<AssignTeamRequest>("/{operationId:guid}/assignments", (id, r, _) => new AssignTeamToSite(id, r.TeamId, r.SiteId))
            .WithName("AssignTeamToSite")
            .WithSummary("Assign a team to a site")
            .WithDescription("Unknown teams or sites, and sites in another city than the team's, are refused with 422.");
}
