namespace RaidCommand.Server.ReadModels;

/// <summary>
/// The 503 answer of a read endpoint whose read model has not reached the position a client passed as ?after=.
/// Shared by the custody, transfer, seizure and statistics reads.
/// </summary>
public static class ReadModelLag
{
    public static IResult NotCaughtUp(string readModel, string? after) => Results.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "The read model has not caught up yet",
        detail: $"The {readModel} has not reached position {after} in time; retry shortly.",
        type: "https://raidcommand.dev/problems/read-model-behind",
        extensions: new Dictionary<string, object?> { ["code"] = "read-model.behind" });
}
