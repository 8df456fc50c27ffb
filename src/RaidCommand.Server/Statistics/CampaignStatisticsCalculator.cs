namespace RaidCommand.Server.Statistics;

/// <summary>Filters the facts of every operation to a date range and totals them per group and overall.</summary>
public static class CampaignStatisticsCalculator
{
    public static CampaignStatistics Calculate(IEnumerable<OperationFacts> operations, DateOnly? from, DateOnly? to, StatisticsGrouping groupBy)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var facts = operations.SelectMany(CampaignFact.Of)
            .Where(f => (from is null || f.LocalDate >= from) && (to is null || f.LocalDate <= to))
            .ToList();
        var groups = facts.GroupBy(f => f.KeyFor(groupBy), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Line(g.Key, g))
            .ToList();
        return new CampaignStatistics(from, to, groupBy, groups, Line("total", facts));
    }

    private static StatisticsLine Line(string key, IEnumerable<CampaignFact> facts)
    {
        var list = facts.ToList();
        return new StatisticsLine(
            key,
            list.Where(f => f.Kind == CampaignFactKind.OperationLaunched).Select(f => f.OperationId).Distinct().Count(),
            list.Where(f => f.Kind == CampaignFactKind.SiteDismantled).Sum(f => f.Count),
            list.Where(f => f.Kind == CampaignFactKind.PersonArrested).Sum(f => f.Count),
            list.Where(f => f.Kind == CampaignFactKind.PersonCriminallyDetained).Sum(f => f.Count),
            list.Where(f => f.Kind == CampaignFactKind.FundsFrozen).Sum(f => f.AmountCny));
    }
}
