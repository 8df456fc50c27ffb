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
            Counted(list, CampaignFactKind.SiteDismantled),
            Counted(list, CampaignFactKind.PersonArrested),
            Counted(list, CampaignFactKind.PersonCriminallyDetained),
            list.Where(f => f.Kind == CampaignFactKind.FundsFrozen).Sum(f => f.AmountCny));
    }

    // A fact may stand for several alike ones (arrests are kept as counts per city and day).
    private static int Counted(List<CampaignFact> facts, CampaignFactKind kind) => facts.Where(f => f.Kind == kind).Sum(f => f.Count);
}
