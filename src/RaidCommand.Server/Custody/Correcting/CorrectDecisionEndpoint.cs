using RaidCommand.Domain.Custody;

namespace RaidCommand.Server.Custody.Correcting;

public static class CorrectDecisionEndpoint
{
    public static RouteHandlerBuilder MapCorrectDecision(this RouteGroupBuilder persons) =>
        persons.MapCustodyCommand<CorrectDecisionRequest>(
                "/{personId:guid}/corrections",
                (personId, r, context) => new CorrectCustodyDecision(personId, r.Reason, context.Actor.Name, r.OccurredAt ?? context.Now))
            .WithName("CorrectCustodyDecision")
            .WithSummary("Correct (void) the current custody decision")
            .WithDescription("Nothing is edited: the correction is recorded with its reason and the acting officer (the signed-in account), "
                + "the decision it voids stays in the history, and a new decision may follow. 409 custody.no-decision when there is none.");
}
