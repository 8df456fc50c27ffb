using System.Collections.Immutable;
using RaidCommand.Domain.Common;

namespace RaidCommand.Domain.Operations;

public enum OperationStatus
{
    NotOpened,
    Planning,
    Approved,
    Launched,
    Concluded,
}

public sealed record OperationCity(string Code, string Name, string LocalCommander, string TimeZoneId);

public sealed record OperationSite(Guid SiteId, string CityCode, string Address, int ExpectedHeadcount, ImmutableHashSet<Guid> TeamIds);

public sealed record OperationTeam(Guid TeamId, string Name, string Leader, int Headcount, string CityCode, Guid? SiteId);

public sealed record OperationState(
    Guid OperationId,
    OperationStatus Status,
    string CodeName,
    OriginCase? OriginCase,
    CityRef? HomeCity,
    ImmutableHashSet<string> Units,
    ImmutableDictionary<string, OperationCity> Cities,
    ImmutableDictionary<Guid, OperationSite> Sites,
    ImmutableDictionary<Guid, OperationTeam> Teams,
    DateTimeOffset? HHour,
    ImmutableDictionary<string, DateTimeOffset> CityHHours,
    ImmutableDictionary<string, DateTimeOffset> LaunchedCities)
{
    public static readonly OperationState Initial = new(
        Guid.Empty,
        OperationStatus.NotOpened,
        string.Empty,
        null,
        null,
        ImmutableHashSet<string>.Empty,
        ImmutableDictionary<string, OperationCity>.Empty,
        ImmutableDictionary<Guid, OperationSite>.Empty,
        ImmutableDictionary<Guid, OperationTeam>.Empty,
        null,
        ImmutableDictionary<string, DateTimeOffset>.Empty,
        ImmutableDictionary<string, DateTimeOffset>.Empty);

    /// <summary>The H-hour instant for a city: its override if any, else the operation-wide H-hour.</summary>
    public DateTimeOffset? HHourFor(string cityCode) =>
        CityHHours.TryGetValue(cityCode, out var own) ? own : HHour;

    /// <summary>The H-hour as wall-clock time in the city's zone (derived, never stored).</summary>
    public DateTimeOffset? LocalHHourFor(string cityCode) =>
        HHourFor(cityCode) is { } instant && Cities.TryGetValue(cityCode, out var city)
            ? LocalTime.ForCity(instant, city.TimeZoneId)
            : null;

    public static OperationState Evolve(OperationState state, object @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        return @event switch
        {
            OperationOpened e => state with
            {
                OperationId = e.OperationId,
                Status = OperationStatus.Planning,
                CodeName = e.CodeName,
                OriginCase = e.OriginCase,
                HomeCity = e.HomeCity,
            },
            UnitAttached e => state with { Units = state.Units.Add(e.UnitName) },
            CityAdded e => state with
            {
                Cities = state.Cities.SetItem(e.CityCode, new OperationCity(e.CityCode, e.Name, e.LocalCommander, e.TimeZoneId)),
            },
            SiteRegistered e => state with
            {
                Sites = state.Sites.SetItem(
                    e.SiteId, new OperationSite(e.SiteId, e.CityCode, e.Address, e.ExpectedHeadcount, ImmutableHashSet<Guid>.Empty)),
            },
            TeamFormed e => state with
            {
                Teams = state.Teams.SetItem(e.TeamId, new OperationTeam(e.TeamId, e.Name, e.Leader, e.Headcount, e.CityCode, null)),
            },
            TeamAssignedToSite e when state.Sites.TryGetValue(e.SiteId, out var site) && state.Teams.TryGetValue(e.TeamId, out var team) =>
                state with
                {
                    Sites = state.Sites.SetItem(e.SiteId, site with { TeamIds = site.TeamIds.Add(e.TeamId) }),
                    Teams = state.Teams.SetItem(e.TeamId, team with { SiteId = e.SiteId }),
                },
            StrikeTimeSet e => state with { HHour = e.HHour },
            CityStrikeTimeOverridden e => state with { CityHHours = state.CityHHours.SetItem(e.CityCode, e.HHour) },
            PlanApproved => state with { Status = OperationStatus.Approved },
            CityLaunched e => state with
            {
                Status = OperationStatus.Launched,
                LaunchedCities = state.LaunchedCities.SetItem(e.CityCode, e.LaunchedAt),
            },
            OperationConcluded => state with { Status = OperationStatus.Concluded },
            _ => state,
        };
    }
}
