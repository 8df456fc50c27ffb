using RaidCommand.Domain.Custody;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Custody.Questioning;

public static class RecordQuestioningEndpoint
{
    public static RouteHandlerBuilder MapRecordQuestioning(this RouteGroupBuilder persons) =>
        persons.MapCustodyCommand<RecordQuestioningRequest>(
                "/{personId:guid}/questioning",
                (personId, r, _) => new RecordQuestioning(personId, r.QuestionedBy, r.Location, FieldTime.Required(r.OccurredAt)))
            .WithName("RecordQuestioning")
            .WithSummary("Record the questioning of an arrested person")
            .WithDescription("Questioning must precede any custody decision. Refused (409) for a person no longer in police hands or on a transfer.");
}
