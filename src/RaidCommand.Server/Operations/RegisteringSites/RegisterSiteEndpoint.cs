using RaidCommand.Domain.Operations;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Operations.RegisteringSites;

public static class RegisterSiteEndpoint
{
    public static RouteHandlerBuilder MapRegisterSite(this RouteGroupBuilder operations) =>
        operations.MapOperationCommand<RegisterSiteRequest>("/{operationId:guid}/sites", (id, r, context) =>
                new RegisterSite(id, r.SiteId ?? EventIds.For(context.CommandId, -1), r.CityCode, r.Address, r.ExpectedHeadcount, r.Notes))
            .WithName("RegisterSite")
            .WithSummary("Register a target site (den)")
            .WithDescription("The city must already be part of the operation.");
}
