using System.Net;
using System.Text.Json;
using Npgsql;
using RaidCommand.Server.Tests.Api;

namespace RaidCommand.Server.Tests.Custody;

/// <summary>Asserts that a command is refused with problem details and leaves the event log as it was.</summary>
public static class Refusal
{
    /// <returns>The problem details, for assertions on code and subjects.</returns>
    public static Task<JsonElement> AssertRefusedAsync(
        this ApiClient api, NpgsqlDataSource database, HttpStatusCode status, string path, object body, string? code = null) =>
        AssertRefusedJsonAsync(api, database, status, path, JsonSerializer.Serialize(body, ApiClient.Json), code);

    public static async Task<JsonElement> AssertRefusedJsonAsync(
        this ApiClient api, NpgsqlDataSource database, HttpStatusCode status, string path, string json, string? code = null, Guid? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        var before = await EventCount.InAsync(database);

        using var response = await api.PostJsonAsync(path, json, idempotencyKey ?? Guid.NewGuid());

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} from {path}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        if (code is not null)
        {
            Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
        }

        Assert.Equal(before, await EventCount.InAsync(database));
        return problem.RootElement.Clone();
    }
}
