using System.Text.Json.Serialization;
using RaidCommand.Server.Administration;
using RaidCommand.Server.EventSourcing;
using RaidCommand.Server.Operations;

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
        services.AddOperations();
        return services;
    }

    public static IEndpointRouteBuilder MapRaidCommandModules(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOperations();
        endpoints.MapAdministration();
        return endpoints;
    }
}
