using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RaidCommand.Server.Tests.Infrastructure;

namespace RaidCommand.Server.Tests.Api;

/// <summary>
/// Talks to the API the way a client does: signed in (see <see cref="BearerTokenHandler"/>), every command with a fresh
/// Idempotency-Key (unless a test replays one). <see cref="CommandAsync"/> insists on success, so scenario set-up
/// fails loudly where it breaks.
/// </summary>
public sealed class ApiClient(HttpClient http, BearerTokenHandler signIn)
{
    /// <summary>The account this client acts as.</summary>
    public TestAccount Account => signIn.Account;

    /// <summary>The signed-in account's user id: what events record as their actor.</summary>
    public async Task<Guid> UserIdAsync() => (await signIn.SignedInAsync()).UserId;

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public HttpClient Http => http;

    /// <summary>Posts a command and returns the raw response, whatever its status.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, object body, Guid? idempotencyKey = null, string? ifMatch = null) =>
        PostJsonAsync(path, JsonSerializer.Serialize(body, Json), idempotencyKey ?? Guid.NewGuid(), ifMatch);

    /// <summary>Posts a body as given (malformed JSON included); a null key sends no Idempotency-Key header.</summary>
    public async Task<HttpResponseMessage> PostJsonAsync(string path, string json, Guid? idempotencyKey, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is { } key)
        {
            request.Headers.Add("Idempotency-Key", key.ToString());
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await http.SendAsync(request);
    }

    /// <summary>Posts a command that must succeed and returns its outcome.</summary>
    public async Task<CommandReply> CommandAsync(string path, object body, Guid? idempotencyKey = null)
    {
        using var response = await PostAsync(path, body, idempotencyKey);
        return await CommandReply.ReadAsync(response, path);
    }

    /// <summary>GETs a resource that must exist and returns its JSON.</summary>
    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {text}");
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}

/// <summary>A successful command's answer: status, the CommandOutcome JSON, Location and ETag.</summary>
public sealed record CommandReply(HttpStatusCode Status, JsonElement Outcome, Uri? Location, EntityTagHeaderValue? ETag)
{
    public bool Replayed => Outcome.GetProperty("replayed").GetBoolean();

    /// <summary>The feed position to pass as ?after= to read this command's effect.</summary>
    public string Position => Outcome.GetProperty("position").GetString()!;

    /// <summary>The id at the end of the Location of a created resource (operation, person ...).</summary>
    public Guid CreatedId => Guid.Parse(Location!.OriginalString.Split('/')[^1]);

    public static async Task<CommandReply> ReadAsync(HttpResponseMessage response, string path)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
        }

        using var document = JsonDocument.Parse(text);
        return new CommandReply(response.StatusCode, document.RootElement.Clone(), response.Headers.Location, response.Headers.ETag);
    }
}
