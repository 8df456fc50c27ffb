using RaidCommand.Domain.Custody;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Custody.Deciding;

public static class ReleaseEndpoint
{
    public static RouteHandlerBuilder MapRelease(this RouteGroupBuilder persons) =>
        persons.MapCustodyCommand<ReleaseRequest>(
                "/{personId:guid}/release",
                (personId, r, _) => new ReleasePerson(personId, r.ReleasedBy, r.Reason, FieldTime.Required(r.OccurredAt)))
            .WithName("ReleasePerson")
            .WithSummary("Release a questioned person")
            .WithDescription("The custody decision after questioning; a reason is required.");
}
