using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using RaidCommand.Server.Security.Access;
using RaidCommand.Server.Security.Authentication;

namespace RaidCommand.Server.Security.Authorization;

/// <summary>
/// Decides <see cref="OperationAccessRequirement"/> before the endpoint runs (so before its body is even read):
/// finds the operation from the route's <c>operationId</c>, <c>personId</c> or <c>transferId</c>, then the caller's
/// membership of it. An operation that does not exist is indistinguishable from one the caller is not on (403).
/// </summary>
public sealed class OperationAccessHandler(StreamOwnership ownership) : AuthorizationHandler<OperationAccessRequirement, HttpContext>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAccessRequirement requirement, HttpContext resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(resource);
        if (resource.GetCaller() is not { } caller)
        {
            return;
        }

        if (requirement.OverridingRoles.Any(caller.Holds))
        {
            context.Succeed(requirement);
            return;
        }

        if (await OperationOfRouteAsync(resource) is { } operationId
            && caller.MembershipOf(operationId) is { } membership
            && requirement.Capacities.Contains(membership.Capacity))
        {
            resource.Features.Set(new ActingMembership(membership));
            context.Succeed(requirement);
        }
    }

    private async Task<Guid?> OperationOfRouteAsync(HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        if (RouteGuid(http, "operationId") is { } operationId)
        {
            return operationId;
        }

        if (RouteGuid(http, "personId") is { } personId)
        {
            return await ownership.OperationOfPersonAsync(personId, cancellationToken);
        }

        return RouteGuid(http, "transferId") is { } transferId ? await ownership.OperationOfTransferAsync(transferId, cancellationToken) : null;
    }

    private static Guid? RouteGuid(HttpContext http, string name) =>
        http.GetRouteValue(name) is string value && Guid.TryParse(value, CultureInfo.InvariantCulture, out var id) ? id : null;
}
