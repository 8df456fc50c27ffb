namespace RaidCommand.Server.Statistics;

/// <summary>Campaign results (战果) across operations, in the shape of a police results report.</summary>
/// <param name="From">First local date counted (inclusive); null for no lower bound.</param>
/// <param name="To">Last local date counted (inclusive); null for no upper bound.</param>
/// <param name="Groups">One line per city code, or per month ("2026-05"), in key order.</param>
/// <param name="Totals">The whole campaign; operations are counted once even when they span several groups.</param>
public sealed record CampaignStatistics(DateOnly? From, DateOnly? To, StatisticsGrouping GroupBy, IReadOnlyList<StatisticsLine> Groups, StatisticsLine Totals);

/// <param name="Operations">Operations launched (in this city / in this month).</param>
/// <param name="SitesDismantled">Sites dismantled (捣毁窝点).</param>
/// <param name="PersonsArrested">Persons arrested (抓获).</param>
/// <param name="PersonsCriminallyDetained">Persons whose standing decision is criminal detention (刑事拘留), counted on the detention date.</param>
/// <param name="FundsFrozenCny">Funds frozen (冻结) in CNY.</param>
public sealed record StatisticsLine(
    string Key, int Operations, int SitesDismantled, int PersonsArrested, int PersonsCriminallyDetained, decimal FundsFrozenCny);
