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

/// <summary>One countable fact of an operation, dated on its city's wall clock.</summary>
public sealed record CampaignFact(CampaignFactKind Kind, Guid OperationId, string CityCode, DateOnly LocalDate, decimal AmountCny)
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
            yield return new(CampaignFactKind.OperationLaunched, id, city, LocalDateOf(facts, city, launchedAt), 0m);
        }

        foreach (var (siteId, dismantledAt) in facts.DismantledSites)
        {
            var city = facts.SiteCities.TryGetValue(siteId, out var code) ? code : string.Empty;
            yield return new(CampaignFactKind.SiteDismantled, id, city, LocalDateOf(facts, city, dismantledAt), 0m);
        }

        foreach (var person in facts.Persons.Values)
        {
            yield return new(CampaignFactKind.PersonArrested, id, person.ArrestCity, LocalDateOf(facts, person.ArrestCity, person.ArrestedAt), 0m);
            if (person.Detention is { } detention)
            {
                yield return new(CampaignFactKind.PersonCriminallyDetained, id, detention.CityCode, LocalDateOf(facts, detention.CityCode, detention.DetainedAt), 0m);
            }
        }

        foreach (var freeze in facts.Freezes.Values.Where(f => f.Currency == "CNY"))
        {
            yield return new(CampaignFactKind.FundsFrozen, id, freeze.CityCode, LocalDateOf(facts, freeze.CityCode, freeze.FrozenAt), freeze.Amount);
        }
    }

    private static DateOnly LocalDateOf(OperationFacts facts, string city, DateTimeOffset instant)
    {
        var zone = facts.CityTimeZones.TryGetValue(city, out var known) && LocalTime.IsKnownZone(known) ? known : FallbackTimeZone;
        return DateOnly.FromDateTime(LocalTime.ForCity(instant, zone).DateTime);
    }
}
