namespace RaidCommand.Server.Custody.Deciding;

/// <summary>Release without charge, naming the releasing officer and the reason.</summary>
public sealed record ReleaseRequest(string ReleasedBy, string Reason, DateTimeOffset? OccurredAt);
