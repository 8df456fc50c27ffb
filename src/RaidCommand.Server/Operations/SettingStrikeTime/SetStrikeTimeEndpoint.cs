using RaidCommand.Domain.Operations;

namespace RaidCommand.Server.Operations.SettingStrikeTime;

public static class SetStrikeTimeEndpoint
{
    public static RouteHandlerBuilder MapSetStrikeTime(this RouteGroupBuilder operations) =>
        operations.MapOperationCommand<SetStrikeTimeRequest>("/{operationId:guid}/strike-time", (id, r, _) => new SetStrikeTime(id, r.HHour, r.CityCode))
            .WithName("SetStrikeTime")
            .WithSummary("Set the strike time (H-hour)")
            .WithDescription("One instant for the whole operation, or a per-city override when a city code is given.");
}
