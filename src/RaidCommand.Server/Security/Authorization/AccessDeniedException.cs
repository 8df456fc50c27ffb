namespace RaidCommand.Server.Security.Authorization;

/// <summary>
/// Refused after the request passed its endpoint's rule, for a reason only the loaded state shows (a field officer
/// logging for a site that is not their team's). Answered with 403; nothing was written.
/// </summary>
public sealed class AccessDeniedException(string message) : Exception(message);
