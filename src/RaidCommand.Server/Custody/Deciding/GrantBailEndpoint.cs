using RaidCommand.Domain.Custody;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Custody.Deciding;

public static class GrantBailEndpoint
{
    public static RouteHandlerBuilder MapGrantBail(this RouteGroupBuilder persons) =>
        persons.MapCustodyCommand<GrantBailRequest>(
                "/{personId:guid}/bail",
                (personId, r, _) => new GrantBailPendingTrial(personId, r.ApprovedBy, r.Conditions, FieldTime.Required(r.OccurredAt)))
            .WithName("GrantBailPendingTrial")
            .WithSummary("Grant bail pending trial (取保候审)")
            .WithDescription("The custody decision after questioning; the person leaves police hands and can no longer be put on a transfer.");
}
