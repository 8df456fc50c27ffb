using RaidCommand.Server.Commands;

namespace RaidCommand.Server.ReadModels;

/// <summary>Which document a GET serves: the projection keeping it, its table and id, and what to call it in errors.</summary>
public sealed record DocumentRead(string Projection, string Table, string DocumentId, string Resource, Guid ResourceId);

public static class DocumentReads
{
    /// <summary>
    /// Serves one read-model document: waits for <paramref name="after"/> (read-your-writes; 503 if the projection
    /// does not get there in time), answers 404 when the document does not exist, and sets the ETag to the
    /// version of the stream the document reflects.
    /// </summary>
    public static async Task<IResult> ServeAsync<TView>(
        this ReadModelStore store, ReadModelFreshness freshness, HttpContext http, DocumentRead read, string? after, Func<TView, long> streamVersion, CancellationToken cancellationToken)
        where TView : class
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(streamVersion);
        if (!await freshness.WaitForAsync(read.Projection, after, cancellationToken))
        {
            return ReadModelLag.NotCaughtUp($"{read.Projection} read model", after);
        }

        var view = await store.FindAsync<TView>(read.Table, read.DocumentId, cancellationToken)
            ?? throw new ResourceNotFoundException(read.Resource, read.ResourceId);
        http.Response.Headers.ETag = CommandResults.ETag(streamVersion(view));
        return Results.Ok(view);
    }
}
