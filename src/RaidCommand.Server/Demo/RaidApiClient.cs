using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace RaidCommand.Server.Demo;

/// <summary>
/// The public HTTP API as a client uses it: signed in with a bearer token, every command with a fresh Idempotency-Key.
/// The demo drives the server through it (so it passes the same security as people do); the browser tests set up
/// their raids with it too.
/// </summary>
public sealed class RaidApiClient(HttpClient http, string? accessToken = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HttpClient Http => http;

    public async Task<RaidApiClient> SignInAsync(string userName, string password, string deviceId, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/sign-in", new { userName, password, deviceId }, Json, cancellationToken);
        await EnsureSuccessAsync(response, "sign-in", cancellationToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return new RaidApiClient(http, body.RootElement.GetProperty("accessToken").GetString());
    }

    /// <summary>Posts a command that must succeed; answers its outcome (commandId, replayed, position…).</summary>
    public async Task<JsonElement> CommandAsync(string path, object body, CancellationToken cancellationToken = default)
    {
        using var response = await PostAsync(path, body, Guid.NewGuid(), cancellationToken);
        await EnsureSuccessAsync(response, path, cancellationToken);
        return await ReadJsonAsync(response, cancellationToken);
    }

    /// <summary>Posts a command and answers the response whatever its status.</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, object body, Guid idempotencyKey, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body, options: Json) };
        request.Headers.Add("Idempotency-Key", idempotencyKey.ToString());
        return await SendAsync(request, cancellationToken);
    }

    public async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        using var response = await SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, path, cancellationToken);
        return await ReadJsonAsync(response, cancellationToken);
    }

    /// <summary>As an administrator: the id of the account named <paramref name="userName"/>, registering it if it does not exist.</summary>
    public async Task<Guid> EnsureAccountAsync(string userName, string displayName, string password, string role, CancellationToken cancellationToken = default)
    {
        using var response = await PostAsync("/api/accounts", new { userName, displayName, password, roles = new[] { role } }, Guid.NewGuid(), cancellationToken);
        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            await EnsureSuccessAsync(response, "/api/accounts", cancellationToken);
        }

        var accounts = await GetAsync("/api/accounts", cancellationToken);
        return accounts.EnumerateArray().First(account => account.GetProperty("userName").GetString() == userName).GetProperty("id").GetGuid();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return await http.SendAsync(request, cancellationToken);
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.Clone();
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"{what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}", null, response.StatusCode);
        }
    }
}
