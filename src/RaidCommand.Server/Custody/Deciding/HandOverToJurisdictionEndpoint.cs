using RaidCommand.Domain.Custody;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Custody.Deciding;

public static class HandOverToJurisdictionEndpoint
{
    public static RouteHandlerBuilder MapHandOverToJurisdiction(this RouteGroupBuilder persons) =>
        persons.MapCustodyCommand<HandOverToJurisdictionRequest>(
                "/{personId:guid}/jurisdiction-handover",
                (personId, r, _) => new HandOverToJurisdiction(personId, r.Jurisdiction, r.ReceivingOfficer, FieldTime.Required(r.OccurredAt)))
            .WithName("HandOverToJurisdiction")
            .WithSummary("Hand a questioned person over to another jurisdiction (移交)")
            .WithDescription("The custody decision after questioning; the person leaves this operation's custody.");
}
