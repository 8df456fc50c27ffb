using RaidCommand.Server.Security.Access;

namespace RaidCommand.Server.Security.Authorization;

/// <summary>
/// The membership a request was authorized under, set by <see cref="OperationAccessHandler"/>: commands take the
/// actor's role and team from it, read models decide on masking from it.
/// </summary>
public sealed record ActingMembership(OperationMembership Membership);
