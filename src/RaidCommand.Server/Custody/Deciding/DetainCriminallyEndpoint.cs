using RaidCommand.Domain.Custody;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Custody.Deciding;

public static class DetainCriminallyEndpoint
{
    public static RouteHandlerBuilder MapDetainCriminally(this RouteGroupBuilder persons) =>
        persons.MapCustodyCommand<DetainCriminallyRequest>(
                "/{personId:guid}/detention",
                (personId, r, _) => new DetainCriminally(personId, r.ApprovingOfficer, r.Facility, FieldTime.Required(r.OccurredAt)))
            .WithName("DetainCriminally")
            .WithSummary("Detain a questioned person criminally (刑事拘留)")
            .WithDescription("The custody decision after questioning. 409 custody.not-questioned before questioning, "
                + "409 custody.decision-already-made when a decision stands (correct it first).");
}
