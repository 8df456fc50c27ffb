using Microsoft.AspNetCore.SignalR;
using RaidCommand.Server.Security.Authorization;

namespace RaidCommand.Server.Live;

/// <summary>The live command view: a SignalR hub fed by one tail of the committed feed per node (no backplane).</summary>
public static class Configuration
{
    public const string HubPath = "/hubs/command";

    public static IServiceCollection AddLive(this IServiceCollection services)
    {
        // Registered for the hub by its closed type, which SignalR's open-generic default does not replace.
        services.AddSingleton<CommandHubConnections>();
        services.AddSingleton<HubLifetimeManager<CommandHub>>(provider => provider.GetRequiredService<CommandHubConnections>());
        services.AddSignalR();
        services.AddSingleton<LiveFeed>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveFeed>());
        return services;
    }

    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder endpoints)
    {
        // Signed in to connect; each Subscribe then checks membership of the operation.
        endpoints.MapHub<CommandHub>(HubPath).ForSignedIn();
        return endpoints;
    }
}
