namespace RaidCommand.Server.Security.Authorization;

/// <summary>
/// Endpoint metadata saying who may call it, in words (e.g. "members: commander, auditor"). Every endpoint carries
/// one; <see cref="AccessRuleCheck"/> refuses to start a server with an endpoint that has none.
/// </summary>
public sealed record AccessRule(string Description);
