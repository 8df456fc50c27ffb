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
/// <param name="Persons">Every arrested person: city and time of arrest, and the standing criminal detention if any.</param>
/// <param name="Freezes">Every freeze, with its site's city.</param>
public sealed record OperationFacts(
    Guid OperationId,
    string CodeName,
    ImmutableDictionary<string, string> CityTimeZones,
    ImmutableDictionary<string, DateTimeOffset> LaunchedCities,
    ImmutableDictionary<Guid, string> SiteCities,
    ImmutableDictionary<Guid, DateTimeOffset> DismantledSites,
    ImmutableDictionary<Guid, PersonFacts> Persons,
    ImmutableDictionary<Guid, FreezeFacts> Freezes);

/// <param name="Detention">The criminal detention that stands: null before one and after a correction voided it.</param>
public sealed record PersonFacts(string ArrestCity, DateTimeOffset ArrestedAt, DetentionFacts? Detention);

public sealed record DetentionFacts(string CityCode, DateTimeOffset DetainedAt);

public sealed record FreezeFacts(string CityCode, decimal Amount, string Currency, DateTimeOffset FrozenAt);
