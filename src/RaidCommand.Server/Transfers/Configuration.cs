using RaidCommand.Domain.Membership;
using RaidCommand.Domain.Transfers;
using RaidCommand.Server.Commands;
using RaidCommand.Server.EventSourcing;
using RaidCommand.Server.Security.Authorization;
using RaidCommand.Server.Transfers.Arriving;
using RaidCommand.Server.Transfers.Boarding;
using RaidCommand.Server.Transfers.Departing;
using RaidCommand.Server.Transfers.HandingOver;
using RaidCommand.Server.Transfers.Planning;
using RaidCommand.Server.Transfers.Reading;
using RaidCommand.Server.Transfers.ReportingCheckpoints;

namespace RaidCommand.Server.Transfers;

/// <summary>Detainee transfers (押解): plan, board, depart, checkpoints, arrive, hand over, and the transfer view.</summary>
public static class Configuration
{
    public static IServiceCollection AddTransfers(this IServiceCollection services) =>
        services.AddCommandHandler<TransferCommand, TransferCommandHandler>().AddProjection<TransferViewProjection>();

    public static IEndpointRouteBuilder MapTransfers(this IEndpointRouteBuilder endpoints)
    {
        var operations = endpoints.MapGroup("/api/operations").WithTags("Transfers");
        operations.MapPlanTransfer().ForMembers(Capacities.Commander);

        var transfers = endpoints.MapGroup("/api/transfers").WithTags("Transfers");
        transfers.MapGetTransfer().ForMembers(Capacities.All.ToArray());
        transfers.MapBoardDetainees().ForMembers(Capacities.Commander, Capacities.FieldOfficer);
        transfers.MapDepartTransfer().ForMembers(Capacities.Commander, Capacities.FieldOfficer);
        transfers.MapReportCheckpoint().ForMembers(Capacities.Commander, Capacities.FieldOfficer);
        transfers.MapArriveTransfer().ForMembers(Capacities.Commander, Capacities.FieldOfficer);
        transfers.MapHandOverTransfer().ForMembers(Capacities.Commander, Capacities.FieldOfficer);
        return endpoints;
    }
}
