using System.Collections.Immutable;

namespace RaidCommand.Server.Statistics;

/// <summary>
/// What one operation contributes to campaign statistics, each fact with its city and instant, folded by
/// <see cref="OperationFactsProjection"/>. The statistics endpoint filters and groups these documents per request.
/// </summary>
/// <param name="CityTimeZones">Each city's IANA time zone, to count a fact on the city's local date.</param>
/// <param name="LaunchedCities">When each city launched; an operation counts where and when it launched.</param>
/// <param name="SiteCities">The city of each registered site.</param>
/// <param name="DismantledSites">When each dismantled site was dismantled.</param>
/// <param name="ArrestsByCity">Persons arrested, per city and local date of the arrest: counts, so the document does not grow with the arrests.</param>
/// <param name="Detentions">The criminal detentions that stand, per person; a correction removes its person's.</param>
/// <param name="Freezes">Every freeze, with its site's city.</param>
public sealed record OperationFacts(
    Guid OperationId,
    string CodeName,
    ImmutableDictionary<string, string> CityTimeZones,
    ImmutableDictionary<string, DateTimeOffset> LaunchedCities,
    ImmutableDictionary<Guid, string> SiteCities,
    ImmutableDictionary<Guid, DateTimeOffset> DismantledSites,
    ImmutableDictionary<string, ImmutableSortedDictionary<DateOnly, int>> ArrestsByCity,
    ImmutableDictionary<Guid, DetentionFacts> Detentions,
    ImmutableDictionary<Guid, FreezeFacts> Freezes);

public sealed record DetentionFacts(string CityCode, DateTimeOffset DetainedAt);

public sealed record FreezeFacts(string CityCode, decimal Amount, string Currency, DateTimeOffset FrozenAt);
