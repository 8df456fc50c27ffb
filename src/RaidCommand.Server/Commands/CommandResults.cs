using Microsoft.Net.Http.Headers;

namespace RaidCommand.Server.Commands;

/// <summary>HTTP answers for commands: the outcome as JSON, and the primary stream's version as the ETag.</summary>
public static class CommandResults
{
    public static IResult Accepted(HttpContext http, CommandOutcome outcome, string? location = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.PrimaryVersion is { } version)
        {
            http.Response.Headers[HeaderNames.ETag] = ETag(version);
        }

        return location is null ? Results.Ok(outcome) : Results.Created(location, outcome);
    }

    public static string ETag(long version) => $"\"{version}\"";
}
