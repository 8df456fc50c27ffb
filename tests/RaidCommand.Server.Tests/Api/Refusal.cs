using System.Net;
using System.Text.Json;
using Npgsql;

namespace RaidCommand.Server.Tests.Api;

/// <summary>Asserts that a request is refused with problem details and leaves the event log untouched.</summary>
public static class Refusal
{
    /// <returns>The problem details document, for further assertions.</returns>
    public static async Task<JsonElement> AssertAsync(
        NpgsqlDataSource database, Func<Task<HttpResponseMessage>> send, HttpStatusCode expectedStatus, string? expectedCode = null)
    {
        ArgumentNullException.ThrowIfNull(send);
        var before = await EventCount.InAsync(database);

        using var response = await send();
        var problem = await ProblemAsync(response, expectedStatus, expectedCode);

        Assert.Equal(before, await EventCount.InAsync(database));
        return problem;
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expectedStatus, string? expectedCode = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expectedStatus == response.StatusCode, $"Expected {(int)expectedStatus}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        var problem = document.RootElement.Clone();
        Assert.Equal((int)expectedStatus, problem.GetProperty("status").GetInt32());
        if (expectedCode is not null)
        {
            Assert.Equal(expectedCode, problem.GetProperty("code").GetString());
        }

        return problem;
    }
}
