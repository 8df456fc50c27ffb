using System.Globalization;
using RaidCommand.Domain.Common;

namespace RaidCommand.Server.Statistics;

public enum CampaignFactKind
{
    OperationLaunched,
    SiteDismantled,
    PersonArrested,
    PersonCriminallyDetained,
    FundsFrozen,
}

/// <summary>A countable fact of an operation (or <paramref name="Count"/> alike ones), dated on its city's wall clock.</summary>
public sealed record CampaignFact(CampaignFactKind Kind, Guid OperationId, string CityCode, DateOnly LocalDate, int Count, decimal AmountCny)
{
    // Cities added without a known zone still count, on China Standard Time, where these operations run.
    private const string FallbackTimeZone = "Asia/Shanghai";

    public string KeyFor(StatisticsGrouping grouping) =>
        grouping == StatisticsGrouping.City ? CityCode : LocalDate.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Every fact of one operation's document.</summary>
    public static IEnumerable<CampaignFact> Of(OperationFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var id = facts.OperationId;
        foreach (var (city, launchedAt) in facts.LaunchedCities)
        {
            yield return new(CampaignFactKind.OperationLaunched, id, city, LocalDateOf(facts, city, launchedAt), 1, 0m);
        }

        foreach (var (siteId, dismantledAt) in facts.DismantledSites)
        {
            var city = facts.SiteCities.TryGetValue(siteId, out var code) ? code : string.Empty;
            yield return new(CampaignFactKind.SiteDismantled, id, city, LocalDateOf(facts, city, dismantledAt), 1, 0m);
        }

        foreach (var (city, byDate) in facts.ArrestsByCity)
        {
            foreach (var (localDate, count) in byDate)
            {
                yield return new(CampaignFactKind.PersonArrested, id, city, localDate, count, 0m);
            }
        }

        foreach (var detention in facts.Detentions.Values)
        {
            yield return new(CampaignFactKind.PersonCriminallyDetained, id, detention.CityCode, LocalDateOf(facts, detention.CityCode, detention.DetainedAt), 1, 0m);
        }

        foreach (var freeze in facts.Freezes.Values.Where(f => f.Currency == "CNY"))
        {
            yield return new(CampaignFactKind.FundsFrozen, id, freeze.CityCode, LocalDateOf(facts, freeze.CityCode, freeze.FrozenAt), 1, freeze.Amount);
        }
    }

    /// <summary>The date on <paramref name="city"/>'s wall clock at <paramref name="instant"/>.</summary>
    public static DateOnly LocalDateOf(OperationFacts facts, string city, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var zone = facts.CityTimeZones.TryGetValue(city, out var known) && LocalTime.IsKnownZone(known) ? known : FallbackTimeZone;
        return DateOnly.FromDateTime(LocalTime.ForCity(instant, zone).DateTime);
    }
}
