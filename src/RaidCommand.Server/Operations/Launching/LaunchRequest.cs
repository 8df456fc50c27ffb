namespace RaidCommand.Server.Operations.Launching;

/// <summary>Launch (收网) one city, or every city not yet launched when <paramref name="CityCode"/> is absent.</summary>
public sealed record LaunchRequest(string? CityCode);
