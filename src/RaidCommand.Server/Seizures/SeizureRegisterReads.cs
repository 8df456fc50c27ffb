using RaidCommand.Server.Commands;
using RaidCommand.Server.Custody;
using RaidCommand.Server.ReadModels;

namespace RaidCommand.Server.Seizures;

/// <summary>Reads an operation's register once the projection has reached ?after=, answering 404 for an unknown operation.</summary>
public static class SeizureRegisterReads
{
    public static async Task<IResult> ReadAsync(
        Guid operationId, string? after, ReadModelFreshness freshness, ReadModelStore store, Func<SeizureRegister, object> shape, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(freshness);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(shape);
        if (!await freshness.WaitForAsync(SeizureRegisterProjection.ProjectionName, after, cancellationToken))
        {
            return ReadModelLag.NotCaughtUp("seizure register", after);
        }

        var register = await store.FindAsync<SeizureRegister>(SeizureRegisterProjection.TableName, SeizureRegisterProjection.DocumentId(operationId), cancellationToken)
            ?? throw new ResourceNotFoundException("operation", operationId);
        return Results.Ok(shape(register));
    }
}
