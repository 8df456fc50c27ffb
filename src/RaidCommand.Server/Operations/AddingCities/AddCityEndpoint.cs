using RaidCommand.Domain.Operations;

namespace RaidCommand.Server.Operations.AddingCities;

public static class AddCityEndpoint
{
    public static RouteHandlerBuilder MapAddCity(this RouteGroupBuilder operations) =>
        operations.MapOperationCommand<AddCityRequest>("/{operationId:guid}/cities", (id, r, _) => new AddCity(id, r.CityCode, r.Name, r.LocalCommander, r.TimeZoneId))
            .WithName("AddCity")
            .WithSummary("Add a city to the operation")
            .WithDescription("Instants are stored in UTC and shown in each city's local time, from its IANA time zone.");
}
