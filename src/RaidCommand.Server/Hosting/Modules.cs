using System.Text.Json.Serialization;
using RaidCommand.Server.Administration;
using RaidCommand.Server.Audit;
using RaidCommand.Server.Board;
using RaidCommand.Server.Custody;
using RaidCommand.Server.Live;
using RaidCommand.Server.EventSourcing;
using RaidCommand.Server.FieldLogging;
using RaidCommand.Server.Operations;
using RaidCommand.Server.Security;
using RaidCommand.Server.Seizures;
using RaidCommand.Server.Statistics;
using RaidCommand.Server.Transfers;

namespace RaidCommand.Server.Hosting;

/// <summary>
/// The one place where feature modules plug into the server: each module adds its services in
/// <see cref="AddRaidCommandModules"/> and its endpoints in <see cref="MapRaidCommandModules"/>.
/// </summary>
public static class Modules
{
    public static IServiceCollection AddRaidCommandModules(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddEventSourcing();
        services.AddSecurity();
        services.AddOperations();
        services.AddFieldLogging();
        services.AddBoard();
        services.AddCustody();
        services.AddTransfers();
        services.AddSeizures();
        services.AddStatistics();
        services.AddAudit();
        services.AddLive();
        return services;
    }

    public static IEndpointRouteBuilder MapRaidCommandModules(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSecurity();
        endpoints.MapOperations();
        endpoints.MapFieldLogging();
        endpoints.MapBoard();
        endpoints.MapCustody();
        endpoints.MapTransfers();
        endpoints.MapSeizures();
        endpoints.MapStatistics();
        endpoints.MapAdministration();
        endpoints.MapAudit();
        endpoints.MapLive();
        return endpoints;
    }
}
