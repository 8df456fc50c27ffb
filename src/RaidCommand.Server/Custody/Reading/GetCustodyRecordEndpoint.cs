using RaidCommand.Server.Commands;
using RaidCommand.Server.ReadModels;

namespace RaidCommand.Server.Custody.Reading;

public static class GetCustodyRecordEndpoint
{
    public static RouteHandlerBuilder MapGetCustodyRecord(this RouteGroupBuilder persons) =>
        persons.MapGet("/{personId:guid}", async (
                Guid personId, string? after, ReadModelFreshness freshness, ReadModelStore store, HttpContext http, CancellationToken cancellationToken) =>
            {
                if (!await freshness.WaitForAsync(CustodyRecordProjection.ProjectionName, after, cancellationToken))
                {
                    return ReadModelLag.NotCaughtUp("custody record", after);
                }

                var record = await store.FindAsync<CustodyRecord>(CustodyRecordProjection.TableName, CustodyRecordProjection.DocumentId(personId), cancellationToken)
                    ?? throw new ResourceNotFoundException("person", personId);
                http.Response.Headers.ETag = CommandResults.ETag(record.StreamVersion);
                return Results.Ok(record);
            })
            .Produces<CustodyRecord>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetCustodyRecord")
            .WithSummary("A person's custody record")
            .WithDescription("Current status and location, every questioning, decision (voided ones marked) and correction, and each transfer. "
                + "Pass ?after=<position> from a command's answer to read your own write. The ETag is the custody stream's version.");
}
