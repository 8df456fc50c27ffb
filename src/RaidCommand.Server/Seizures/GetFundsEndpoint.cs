using RaidCommand.Server.ReadModels;

namespace RaidCommand.Server.Seizures;

public static class GetFundsEndpoint
{
    public static RouteHandlerBuilder MapGetFunds(this RouteGroupBuilder operations) =>
        operations.MapGet("/{operationId:guid}/funds", (
                Guid operationId, string? after, ReadModelFreshness freshness, ReadModelStore store, CancellationToken cancellationToken) =>
                SeizureRegisterReads.ReadAsync(operationId, after, freshness, store, FundsList.Of, cancellationToken))
            .Produces<FundsList>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetFundsRegister")
            .WithSummary("The operation's funds register (冻结 / 止付)")
            .WithDescription("Each account frozen and each stop-payment with holder, bank, account, amount, order references, site, city and times, "
                + "and the totals by currency. Supports ?after=<position>.");
}
