namespace RaidCommand.Server.Operations.AddingCities;

/// <summary>A city taking part, e.g. "ZZ" Zhengzhou, with its local commander and IANA time zone ("Asia/Shanghai").</summary>
public sealed record AddCityRequest(string CityCode, string Name, string LocalCommander, string TimeZoneId);
