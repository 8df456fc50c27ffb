namespace RaidCommand.Server.Custody.RecordingLocation;

/// <summary>The facility, and its city, where the person is now held (a move outside a transfer).</summary>
public sealed record RecordLocationRequest(string Facility, string CityCode, DateTimeOffset? OccurredAt);
