namespace RaidCommand.Server.Operations.RegisteringSites;

/// <summary>A target site (窝点, den). <paramref name="SiteId"/> is optional: derived from the command id when absent.</summary>
public sealed record RegisterSiteRequest(Guid? SiteId, string CityCode, string Address, int ExpectedHeadcount, string? Notes);
