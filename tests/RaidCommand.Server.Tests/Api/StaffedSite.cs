namespace RaidCommand.Server.Tests.Api;

/// <summary>A registered site with one team formed in its city and assigned to it.</summary>
public sealed record StaffedSite(Guid SiteId, Guid TeamId, string CityCode, string Address);
