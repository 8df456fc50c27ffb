using RaidCommand.Domain.Operations;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Operations.FormingTeams;

public static class FormTeamEndpoint
{
    public static RouteHandlerBuilder MapFormTeam(this RouteGroupBuilder operations) =>
        operations.MapOperationCommand<FormTeamRequest>("/{operationId:guid}/teams", (id, r, context) =>
                new FormTeam(id, r.TeamId ?? EventIds.For(context.CommandId, -1), r.Name, r.Leader, r.Headcount, r.CityCode))
            .WithName("FormTeam")
            .WithSummary("Form a team in a city");
}
