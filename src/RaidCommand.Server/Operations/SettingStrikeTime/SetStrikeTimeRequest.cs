namespace RaidCommand.Server.Operations.SettingStrikeTime;

/// <summary>The synchronized H-hour (收网时间) as an instant; with <paramref name="CityCode"/>, an override for that city only.</summary>
public sealed record SetStrikeTimeRequest(DateTimeOffset HHour, string? CityCode);
