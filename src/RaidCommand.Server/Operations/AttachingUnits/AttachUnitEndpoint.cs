using RaidCommand.Domain.Operations;

namespace RaidCommand.Server.Operations.AttachingUnits;

public static class AttachUnitEndpoint
{
    public static RouteHandlerBuilder MapAttachUnit(this RouteGroupBuilder operations) =>
        operations.MapOperationCommand<AttachUnitRequest>("/{operationId:guid}/units", (id, r, _) => new AttachUnit(id, r.UnitName, r.Kind))
            .WithName("AttachUnit")
            .WithSummary("Attach a unit to the task force")
            .WithDescription("Only while the plan is not yet approved.");
}
