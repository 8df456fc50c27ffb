using Microsoft.AspNetCore.Authorization;

namespace RaidCommand.Server.Security.Authorization;

/// <summary>
/// The caller must be a member of the operation the route names (directly, or through a person or a transfer of it),
/// in one of <see cref="Capacities"/>; or hold one of <see cref="OverridingRoles"/> (administrators managing members).
/// </summary>
public sealed record OperationAccessRequirement(IReadOnlySet<string> Capacities, IReadOnlySet<string> OverridingRoles) : IAuthorizationRequirement;
