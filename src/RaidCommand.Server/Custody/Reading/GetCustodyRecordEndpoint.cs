using RaidCommand.Server.ReadModels;

namespace RaidCommand.Server.Custody.Reading;

public static class GetCustodyRecordEndpoint
{
    public static RouteHandlerBuilder MapGetCustodyRecord(this RouteGroupBuilder persons) =>
        persons.MapGet("/{personId:guid}", (
                Guid personId, string? after, ReadModelFreshness freshness, ReadModelStore store, HttpContext http, CancellationToken cancellationToken) =>
                store.ServeAsync<CustodyRecord>(freshness, http, new DocumentRead(
                    CustodyRecordProjection.ProjectionName, CustodyRecordProjection.TableName, CustodyRecordProjection.DocumentId(personId), "person", personId),
                    after, record => record.StreamVersion, cancellationToken))
            .Produces<CustodyRecord>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetCustodyRecord")
            .WithSummary("A person's custody record")
            .WithDescription("Current status and location, every questioning, decision (voided ones marked) and correction, and each transfer. "
                + "Pass ?after=<position> from a command's answer to read your own write. The ETag is the custody stream's version.");
}
