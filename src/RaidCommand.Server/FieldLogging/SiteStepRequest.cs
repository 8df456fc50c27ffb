namespace RaidCommand.Server.FieldLogging;

/// <summary>A step of the strike on a site (breach, secure, dismantle): which assigned team did it, and when.</summary>
/// <param name="TeamId">The acting team; it must be assigned to the site.</param>
/// <param name="OccurredAt">When it happened, as stated by the field team (at most five minutes ahead of the server's clock).</param>
public sealed record SiteStepRequest(Guid TeamId, DateTimeOffset? OccurredAt);
