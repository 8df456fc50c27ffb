using System.Collections.Immutable;
using RaidCommand.Domain.Custody;
using RaidCommand.Domain.Operations;
using RaidCommand.Domain.Sites;

namespace RaidCommand.Server.Statistics;

/// <summary>The pure fold behind <see cref="OperationFacts"/>.</summary>
public static class OperationFactsFold
{
    public static OperationFacts? Evolve(OperationFacts? facts, object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (facts is null)
        {
            return @event is OperationOpened opened
                ? new OperationFacts(opened.OperationId, opened.CodeName, [], [], [], [], [], [], [])
                : null;
        }

        return @event switch
        {
            CityAdded e => facts with { CityTimeZones = facts.CityTimeZones.SetItem(e.CityCode, e.TimeZoneId) },
            CityLaunched e => facts with { LaunchedCities = facts.LaunchedCities.SetItem(e.CityCode, e.LaunchedAt) },
            SiteRegistered e => facts with { SiteCities = facts.SiteCities.SetItem(e.SiteId, e.CityCode) },
            SiteDismantled e => facts with { DismantledSites = facts.DismantledSites.SetItem(e.SiteId, e.OccurredAt) },
            AssetFrozen e => facts with
            {
                Freezes = facts.Freezes.SetItem(e.FreezeId, new FreezeFacts(CityOf(facts, e.SiteId), e.Amount.Amount, e.Amount.Currency, e.OccurredAt)),
            },
            FreezeVoided e => facts with { Freezes = facts.Freezes.Remove(e.FreezeId) },
            PersonArrested e => facts with { ArrestsByCity = Counted(facts.ArrestsByCity, e.CityCode, CampaignFact.LocalDateOf(facts, e.CityCode, e.OccurredAt)) },
            CriminallyDetained e => facts with { Detentions = facts.Detentions.SetItem(e.PersonId, new DetentionFacts(e.CityCode, e.OccurredAt)) },
            CustodyDecisionCorrected e => facts with { Detentions = facts.Detentions.Remove(e.PersonId) },
            _ => facts,
        };
    }

    private static string CityOf(OperationFacts facts, Guid siteId) =>
        facts.SiteCities.TryGetValue(siteId, out var city) ? city : string.Empty;

    // Dated when folded: a city's time zone is set when the city is added, which every arrest in it follows.
    private static ImmutableDictionary<string, ImmutableSortedDictionary<DateOnly, int>> Counted(
        ImmutableDictionary<string, ImmutableSortedDictionary<DateOnly, int>> counts, string city, DateOnly localDate)
    {
        var ofCity = counts.GetValueOrDefault(city) ?? ImmutableSortedDictionary<DateOnly, int>.Empty;
        return counts.SetItem(city, ofCity.SetItem(localDate, ofCity.GetValueOrDefault(localDate) + 1));
    }
}
