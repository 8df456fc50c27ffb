using RaidCommand.Domain.Operations;

namespace RaidCommand.Server.Operations.Launching;

public static class LaunchEndpoint
{
    public static RouteHandlerBuilder MapLaunch(this RouteGroupBuilder operations) =>
        operations.MapOperationCommand<LaunchRequest>("/{operationId:guid}/launch", (id, r, context) => new Launch(id, context.Actor.Name, r.CityCode))
            .WithName("Launch")
            .WithSummary("Launch the strike, per city or everywhere at once")
            .WithDescription("Refused with 409 before the plan is approved, or for a city already launched.");
}
