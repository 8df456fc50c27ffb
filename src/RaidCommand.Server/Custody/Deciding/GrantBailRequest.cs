namespace RaidCommand.Server.Custody.Deciding;

/// <summary>Bail pending trial (取保候审), naming who approved it and any conditions.</summary>
public sealed record GrantBailRequest(string ApprovedBy, string? Conditions, DateTimeOffset? OccurredAt);
