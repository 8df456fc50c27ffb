using System.Collections.Frozen;
using RaidCommand.Domain.Common;

namespace RaidCommand.Domain.Operations;

public enum UnitKind
{
    AntiFraud,
    CriminalInvestigation,
    Legal,
    SwatSupport,
    Prosecutor,
    Other,
}

/// <summary>The victim report that opened the case, e.g. a ¥15,000 investment scam.</summary>
public sealed record OriginCase(string Reference, Money ReportedLoss, DateTimeOffset ReportedAt);

/// <summary>A city reference: short code (e.g. "LZ"), display name, IANA time zone.</summary>
public sealed record CityRef(string Code, string Name, string TimeZoneId);

public sealed record OperationOpened(
    Guid OperationId, string CodeName, string Title, OriginCase OriginCase, CityRef HomeCity, string Commander, DateTimeOffset OpenedAt);

public sealed record UnitAttached(Guid OperationId, string UnitName, UnitKind Kind);

public sealed record CityAdded(Guid OperationId, string CityCode, string Name, string LocalCommander, string TimeZoneId);

public sealed record SiteRegistered(Guid OperationId, Guid SiteId, string CityCode, string Address, int ExpectedHeadcount, string? Notes);

public sealed record TeamFormed(Guid OperationId, Guid TeamId, string Name, string Leader, int Headcount, string CityCode);

public sealed record TeamAssignedToSite(Guid OperationId, Guid TeamId, Guid SiteId);

/// <summary>The operation-wide H-hour (an instant; local H-hour per city is derived).</summary>
public sealed record StrikeTimeSet(Guid OperationId, DateTimeOffset HHour);

/// <summary>A per-city override of the H-hour.</summary>
public sealed record CityStrikeTimeOverridden(Guid OperationId, string CityCode, DateTimeOffset HHour);

public sealed record PlanApproved(Guid OperationId, string ApprovedBy, DateTimeOffset ApprovedAt);

public sealed record CityLaunched(Guid OperationId, string CityCode, string LaunchedBy, DateTimeOffset LaunchedAt);

public sealed record OperationConcluded(Guid OperationId, string ConcludedBy, string? Summary, DateTimeOffset ConcludedAt);

public static class OperationEvents
{
    /// <summary>Stable event type names for the event store. Never rename an entry.</summary>
    public static readonly IReadOnlyDictionary<Type, string> TypeNames = new Dictionary<Type, string>
    {
        [typeof(OperationOpened)] = "operation-opened",
        [typeof(UnitAttached)] = "operation-unit-attached",
        [typeof(CityAdded)] = "operation-city-added",
        [typeof(SiteRegistered)] = "operation-site-registered",
        [typeof(TeamFormed)] = "operation-team-formed",
        [typeof(TeamAssignedToSite)] = "operation-team-assigned-to-site",
        [typeof(StrikeTimeSet)] = "operation-strike-time-set",
        [typeof(CityStrikeTimeOverridden)] = "operation-city-strike-time-overridden",
        [typeof(PlanApproved)] = "operation-plan-approved",
        [typeof(CityLaunched)] = "operation-city-launched",
        [typeof(OperationConcluded)] = "operation-concluded",
    }.ToFrozenDictionary();
}
