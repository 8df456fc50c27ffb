using System.Collections.Frozen;
using Microsoft.AspNetCore.Authorization;
using RaidCommand.Domain.Accounts;
using RaidCommand.Domain.Membership;

namespace RaidCommand.Server.Security.Authorization;

/// <summary>
/// The only ways an endpoint states who may call it. Each also records an <see cref="AccessRule"/>, so the rule is
/// visible on the endpoint and a forgotten one stops the server from starting.
/// </summary>
public static class AccessRules
{
    /// <summary>No sign-in needed: signing in itself, health probes, the web app's files.</summary>
    public static TBuilder ForAnyone<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AllowAnonymous().WithMetadata(new AccessRule("anyone"));

    /// <summary>Any signed-in account; what the endpoint shows is limited to the caller's own operations.</summary>
    public static TBuilder ForSignedIn<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization().WithMetadata(new AccessRule("signed in"));

    public static TBuilder ForRole<TBuilder>(this TBuilder builder, string role)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy => policy.RequireRole(role)).WithMetadata(new AccessRule($"role: {role}"));

    /// <summary>Members of the operation the route names, in one of <paramref name="capacities"/>.</summary>
    public static TBuilder ForMembers<TBuilder>(this TBuilder builder, params string[] capacities)
        where TBuilder : IEndpointConventionBuilder =>
        builder.ForOperation(capacities, []);

    /// <summary>Commanders of the operation, or administrators (who manage memberships without being on the operation).</summary>
    public static TBuilder ForCommandersOrAdministrators<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.ForOperation([Capacities.Commander], [Roles.Administrator]);

    private static TBuilder ForOperation<TBuilder>(this TBuilder builder, string[] capacities, string[] overridingRoles)
        where TBuilder : IEndpointConventionBuilder
    {
        var requirement = new OperationAccessRequirement(
            capacities.ToFrozenSet(StringComparer.Ordinal), overridingRoles.ToFrozenSet(StringComparer.Ordinal));
        var description = $"members: {string.Join(", ", capacities)}" + (overridingRoles.Length > 0 ? $"; role: {string.Join(", ", overridingRoles)}" : "");
        return builder
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser().AddRequirements(requirement))
            .WithMetadata(new AccessRule(description));
    }
}
