using RaidCommand.Domain.Accounts;
using RaidCommand.Domain.Membership;
using RaidCommand.Domain.Operations;
using RaidCommand.Server.Commands;
using RaidCommand.Server.Operations.AddingCities;
using RaidCommand.Server.Operations.Approving;
using RaidCommand.Server.Operations.AssigningTeams;
using RaidCommand.Server.Operations.AttachingUnits;
using RaidCommand.Server.Operations.Concluding;
using RaidCommand.Server.Operations.FormingTeams;
using RaidCommand.Server.Operations.Launching;
using RaidCommand.Server.Operations.Opening;
using RaidCommand.Server.Operations.RegisteringSites;
using RaidCommand.Server.Operations.SettingStrikeTime;
using RaidCommand.Server.Security.Authorization;

namespace RaidCommand.Server.Operations;

/// <summary>Planning and running an operation: open, staff, plan, approve, launch, conclude.</summary>
public static class Configuration
{
    public static IServiceCollection AddOperations(this IServiceCollection services) =>
        services.AddCommandHandler<OperationCommand, OperationCommandHandler>();

    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder endpoints)
    {
        var operations = endpoints.MapGroup("/api/operations").WithTags("Operations");
        operations.MapOpenOperation().ForRole(Roles.Commander);
        operations.MapAttachUnit().ForMembers(Capacities.Commander);
        operations.MapAddCity().ForMembers(Capacities.Commander);
        operations.MapRegisterSite().ForMembers(Capacities.Commander);
        operations.MapFormTeam().ForMembers(Capacities.Commander);
        operations.MapAssignTeam().ForMembers(Capacities.Commander);
        operations.MapSetStrikeTime().ForMembers(Capacities.Commander);
        operations.MapApprovePlan().ForMembers(Capacities.Commander);
        operations.MapLaunch().ForMembers(Capacities.Commander);
        operations.MapConclude().ForMembers(Capacities.Commander);
        return endpoints;
    }
}
