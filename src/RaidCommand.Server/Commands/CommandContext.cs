using System.Globalization;
using Microsoft.Net.Http.Headers;
using RaidCommand.Server.Hosting.Correlation;

namespace RaidCommand.Server.Commands;

/// <summary>Who is acting, from which device: stamped on every event a command produces.</summary>
public sealed record Actor(string Id, string Role, string? DeviceId)
{
    public static Actor Anonymous { get; } = new("anonymous", "unauthenticated", null);
}

/// <summary>
/// Everything about a command request that is not its body: the client-chosen command id that makes
/// retries safe, the actor, the request's correlation id, the server's clock reading, and an optional
/// If-Match stream version for clients that want strict optimistic concurrency instead of automatic retry.
/// Bound from headers by minimal APIs through <see cref="BindAsync"/>.
/// </summary>
public sealed record CommandContext(Guid CommandId, Actor Actor, string? CorrelationId, DateTimeOffset Now, long? IfMatchVersion)
{
    public const string CommandIdHeader = "Idempotency-Key";

    public static ValueTask<CommandContext?> BindAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        var context = new CommandContext(
            CommandIdFrom(http.Request.Headers),
            ActorFrom(http),
            http.GetCorrelationId(),
            clock.GetUtcNow(),
            IfMatchFrom(http.Request.Headers));
        return ValueTask.FromResult<CommandContext?>(context);
    }

    private static Guid CommandIdFrom(IHeaderDictionary headers) =>
        Guid.TryParse(headers[CommandIdHeader], out var id) && id != Guid.Empty
            ? id
            : throw new BadHttpRequestException(
                $"Every command needs a client-generated UUID in the {CommandIdHeader} header, so that a retry is recognised.");

    // Attribution comes from the request's headers until authentication lands; it is never read from the body.
    private static Actor ActorFrom(HttpContext http)
    {
        var headers = http.Request.Headers;
        var id = headers["X-Actor-Id"].ToString();
        return string.IsNullOrWhiteSpace(id)
            ? Actor.Anonymous with { DeviceId = NullIfEmpty(headers["X-Device-Id"]) }
            : new Actor(id, NullIfEmpty(headers["X-Actor-Role"]) ?? "unknown", NullIfEmpty(headers["X-Device-Id"]));
    }

    private static long? IfMatchFrom(IHeaderDictionary headers)
    {
        var value = headers[HeaderNames.IfMatch].ToString();
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return long.TryParse(value.Trim().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new BadHttpRequestException("If-Match must be a stream version as returned in an ETag, e.g. \"7\".");
    }

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.ToString();
}
