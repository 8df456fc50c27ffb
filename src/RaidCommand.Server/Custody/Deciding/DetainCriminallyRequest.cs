namespace RaidCommand.Server.Custody.Deciding;

/// <summary>Criminal detention (刑事拘留), naming the officer who approved it and the facility in the person's current city.</summary>
public sealed record DetainCriminallyRequest(string ApprovingOfficer, string Facility, DateTimeOffset? OccurredAt);
