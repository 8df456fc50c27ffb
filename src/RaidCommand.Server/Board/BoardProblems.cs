namespace RaidCommand.Server.Board;

public static class BoardProblems
{
    /// <summary>The board has not yet folded in the position the client asked for; retrying shortly will usually succeed.</summary>
    public static IResult NotCaughtUp(string? after) => Results.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "The board has not caught up yet",
        detail: $"The operation board has not reached position {after} in time; retry shortly.",
        type: "https://raidcommand.dev/problems/read-model-behind",
        extensions: new Dictionary<string, object?> { ["code"] = "read-model.behind" });
}
