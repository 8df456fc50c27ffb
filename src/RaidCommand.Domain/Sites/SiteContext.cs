using System.Collections.Immutable;
using RaidCommand.Domain.Operations;

namespace RaidCommand.Domain.Sites;

/// <summary>What the site decider needs to know about the operation, derived read-only from <see cref="OperationState"/>.</summary>
public sealed record SiteContext(
    Guid OperationId,
    Guid SiteId,
    bool SiteKnown,
    string CityCode,
    bool CityLaunched,
    ImmutableHashSet<Guid> AssignedTeamIds,
    bool OperationConcluded)
{
    public static SiteContext From(OperationState operation, Guid siteId)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (!operation.Sites.TryGetValue(siteId, out var site))
        {
            return new SiteContext(
                operation.OperationId, siteId, false, string.Empty, false, ImmutableHashSet<Guid>.Empty, operation.Status == OperationStatus.Concluded);
        }

        return new SiteContext(
            operation.OperationId,
            siteId,
            true,
            site.CityCode,
            operation.LaunchedCities.ContainsKey(site.CityCode),
            site.TeamIds,
            operation.Status == OperationStatus.Concluded);
    }
}
