using RaidCommand.Domain.Custody;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Custody.RecordingLocation;

public static class RecordLocationEndpoint
{
    public static RouteHandlerBuilder MapRecordLocation(this RouteGroupBuilder persons) =>
        persons.MapCustodyCommand<RecordLocationRequest>(
                "/{personId:guid}/location",
                (personId, r, _) => new RecordHeldAt(personId, r.Facility, r.CityCode, FieldTime.Required(r.OccurredAt)))
            .WithName("RecordCustodyLocation")
            .WithSummary("Record where a person is held")
            .WithDescription("For moves outside a transfer. Refused (409) for a person no longer in police hands or on a transfer.");
}
