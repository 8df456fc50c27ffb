using System.Globalization;
using Microsoft.AspNetCore.SignalR;
using RaidCommand.Domain.Membership;
using RaidCommand.EventStore;
using RaidCommand.Server.Security.Access;
using RaidCommand.Server.Security.Authentication;

namespace RaidCommand.Server.Live;

/// <summary>
/// The live command view's hub. Clients subscribe to an operation with the last feed position they have and receive
/// everything after it, replayed then live, in feed order ("events" batches, then one "caughtUp"). Membership is
/// checked against the database on every Subscribe, not taken from the token.
/// </summary>
public sealed class CommandHub(LiveFeed feed, AccessDirectory directory) : Hub
{
    public async Task<Subscribed> Subscribe(string operationId, string? after)
    {
        if (!Guid.TryParse(operationId, CultureInfo.InvariantCulture, out var operation))
        {
            throw new HubException("bad-request: operationId must be a UUID.");
        }

        var from = FeedPosition.Start;
        if (!string.IsNullOrEmpty(after) && !FeedPosition.TryParse(after, out from))
        {
            throw new HubException("bad-request: after must be a feed position (\"tx-pos\") or null.");
        }

        var membership = Guid.TryParse(Context.User?.FindFirst(ClaimNames.Subject)?.Value, out var userId)
            && await directory.FindActiveCallerAsync(userId, Context.ConnectionAborted) is { } caller
                ? caller.MembershipOf(operation)
                : null;
        if (membership is null)
        {
            throw new HubException("access.denied: not a member of this operation (or it does not exist).");
        }

        return await feed.SubscribeAsync(Context.ConnectionId, operation, from, Capacities.SeePersonalData.Contains(membership.Capacity), Context.ConnectionAborted);
    }

    public void Unsubscribe(string operationId)
    {
        if (Guid.TryParse(operationId, CultureInfo.InvariantCulture, out var operation))
        {
            feed.Unsubscribe(Context.ConnectionId, operation);
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        feed.Drop(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
