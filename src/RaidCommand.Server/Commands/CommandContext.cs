using System.Globalization;
using System.Security.Claims;
using Microsoft.Net.Http.Headers;
using RaidCommand.Domain.Accounts;
using RaidCommand.Server.Hosting.Correlation;
using RaidCommand.Server.Security.Access;
using RaidCommand.Server.Security.Authentication;
using RaidCommand.Server.Security.Authorization;

namespace RaidCommand.Server.Commands;

/// <summary>
/// Who is acting, from which device: stamped on every event a command produces. <see cref="Role"/> is the capacity
/// the request was authorized under in the operation (commander, field officer), or the account role for
/// operation-less commands (an administrator managing accounts); <see cref="TeamId"/> is a field officer's team.
/// </summary>
public sealed record Actor(Guid UserId, string Name, string Role, string DeviceId, Guid? TeamId = null)
{
    /// <summary>The server itself, e.g. creating the first administrator.</summary>
    public static Actor System { get; } = new(Guid.Empty, "system", "system", Environment.MachineName);

    /// <summary>The stable id stored as the events' actor.</summary>
    public string Id => UserId.ToString();
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

    // Attribution comes only from the authenticated caller and the membership the request was authorized under,
    // never from the body or from headers a client could set.
    private static Actor ActorFrom(HttpContext http)
    {
        var caller = http.RequireCaller();
        var device = http.User.FindFirstValue(ClaimNames.Device) ?? "unknown";
        return http.Features.Get<ActingMembership>() is { Membership: var membership }
            ? new Actor(caller.UserId, caller.UserName, membership.Capacity, device, membership.TeamId)
            : new Actor(caller.UserId, caller.UserName, AccountRole(caller), device);
    }

    private static string AccountRole(CallerAccess caller) =>
        new[] { Roles.Administrator, Roles.Commander, Roles.Auditor, Roles.FieldOfficer }.FirstOrDefault(caller.Holds) ?? "none";

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
}
