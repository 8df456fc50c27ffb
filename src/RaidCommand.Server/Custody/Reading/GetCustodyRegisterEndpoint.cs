using RaidCommand.Server.ReadModels;

namespace RaidCommand.Server.Custody.Reading;

public static class GetCustodyRegisterEndpoint
{
    public static RouteHandlerBuilder MapGetCustodyRegister(this RouteGroupBuilder operations) =>
        operations.MapGet("/{operationId:guid}/custody", async (
                Guid operationId, string? after, ReadModelFreshness freshness, ReadModelStore store, CancellationToken cancellationToken) =>
            {
                if (!await freshness.WaitForAsync(CustodyRecordProjection.ProjectionName, after, cancellationToken))
                {
                    return ReadModelLag.NotCaughtUp("custody register", after);
                }

                var records = await store.ListByOperationAsync<CustodyRecord>(CustodyRecordProjection.TableName, operationId, cancellationToken);
                return Results.Ok(records.OrderBy(r => r.ArrestedAt).ThenBy(r => r.PersonId).Select(CustodyRegisterLine.Of).ToList());
            })
            .Produces<IReadOnlyList<CustodyRegisterLine>>()
            .WithName("GetCustodyRegister")
            .WithSummary("The operation's custody register")
            .WithDescription("Every person arrested in the operation with their current status and location, in order of arrest. "
                + "An operation without arrests (or an unknown one) has an empty register. Supports ?after=<position>.");
}
