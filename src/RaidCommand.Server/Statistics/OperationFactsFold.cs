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
                ? new OperationFacts(opened.OperationId, opened.CodeName, [], [], [], [], [], [])
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
            PersonArrested e => facts with { Persons = facts.Persons.SetItem(e.PersonId, new PersonFacts(e.CityCode, e.OccurredAt, null)) },
            CriminallyDetained e => OnPerson(facts, e.PersonId, p => p with { Detention = new DetentionFacts(e.CityCode, e.OccurredAt) }),
            CustodyDecisionCorrected e => OnPerson(facts, e.PersonId, p => p with { Detention = null }),
            _ => facts,
        };
    }

    private static string CityOf(OperationFacts facts, Guid siteId) =>
        facts.SiteCities.TryGetValue(siteId, out var city) ? city : string.Empty;

    private static OperationFacts OnPerson(OperationFacts facts, Guid personId, Func<PersonFacts, PersonFacts> update) =>
        facts.Persons.TryGetValue(personId, out var person) ? facts with { Persons = facts.Persons.SetItem(personId, update(person)) } : facts;
}
