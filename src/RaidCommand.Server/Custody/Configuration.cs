using RaidCommand.Domain.Custody;
using RaidCommand.Domain.Membership;
using RaidCommand.Server.Commands;
using RaidCommand.Server.Custody.Correcting;
using RaidCommand.Server.Custody.Deciding;
using RaidCommand.Server.Custody.Questioning;
using RaidCommand.Server.Custody.Reading;
using RaidCommand.Server.Custody.RecordingLocation;
using RaidCommand.Server.EventSourcing;
using RaidCommand.Server.Security.Authorization;

namespace RaidCommand.Server.Custody;

/// <summary>
/// Custody of arrested persons: questioning, one decision each (detention, bail, release, hand-over to another
/// jurisdiction), corrections, location, and the custody records and register read from them.
/// </summary>
public static class Configuration
{
    public static IServiceCollection AddCustody(this IServiceCollection services) =>
        services.AddCommandHandler<CustodyCommand, CustodyCommandHandler>().AddProjection<CustodyRecordProjection>();

    public static IEndpointRouteBuilder MapCustody(this IEndpointRouteBuilder endpoints)
    {
        var persons = endpoints.MapGroup("/api/persons").WithTags("Custody");
        persons.MapGetCustodyRecord().ForMembers(Capacities.All.ToArray());
        persons.MapRecordQuestioning().ForMembers(Capacities.Commander, Capacities.FieldOfficer);
        persons.MapDetainCriminally().ForMembers(Capacities.Commander);
        persons.MapGrantBail().ForMembers(Capacities.Commander);
        persons.MapRelease().ForMembers(Capacities.Commander);
        persons.MapHandOverToJurisdiction().ForMembers(Capacities.Commander);
        persons.MapRecordLocation().ForMembers(Capacities.Commander, Capacities.FieldOfficer);
        persons.MapCorrectDecision().ForMembers(Capacities.Commander);

        var operations = endpoints.MapGroup("/api/operations").WithTags("Custody");
        operations.MapGetCustodyRegister().ForMembers(Capacities.All.ToArray());
        return endpoints;
    }
}
