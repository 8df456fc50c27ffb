using System.Collections.Immutable;
using RaidCommand.Domain.Custody;
using RaidCommand.Domain.Operations;
using RaidCommand.Domain.Transfers;

namespace RaidCommand.Server.Board;

/// <summary>
/// The command post's board for one operation (专案): plan, cities, sites, transfers and results (战果).
/// Everything on it is folded from events by <see cref="OperationBoardProjection"/>.
/// </summary>
/// <param name="OperationVersion">The operation stream's version the board reflects (its ETag, usable as If-Match on operation commands).</param>
/// <param name="TimeFromReportToFirstStopPayment">From the victim's report to the operation's first stop-payment (止付); null before any.</param>
public sealed record OperationBoard(
    Guid OperationId,
    string CodeName,
    string Title,
    OperationStatus Status,
    OriginCase OriginCase,
    CityRef HomeCity,
    string Commander,
    DateTimeOffset OpenedAt,
    DateTimeOffset? HHour,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? ConcludedAt,
    ImmutableList<BoardCity> Cities,
    ImmutableList<BoardSite> Sites,
    ImmutableList<BoardTeam> Teams,
    ImmutableList<BoardTransfer> Transfers,
    BoardTotals Totals,
    TimeSpan? TimeFromReportToFirstStopPayment,
    long OperationVersion);

/// <param name="HHour">The city's H-hour instant: its own override, else the operation's.</param>
/// <param name="LocalHHour">The same instant on the city's wall clock (offset of its time zone).</param>
public sealed record BoardCity(
    string Code,
    string Name,
    string LocalCommander,
    string TimeZoneId,
    DateTimeOffset? HHour,
    DateTimeOffset? LocalHHour,
    bool HHourOverridden,
    DateTimeOffset? LaunchedAt,
    BoardTotals Totals);

public enum BoardSiteStatus
{
    Planned,
    Breached,
    Secured,
    Dismantled,
}

public sealed record BoardSite(
    Guid SiteId,
    string CityCode,
    string Address,
    int ExpectedHeadcount,
    BoardSiteStatus Status,
    ImmutableList<BoardTeamRef> Teams,
    DateTimeOffset? BreachedAt,
    DateTimeOffset? SecuredAt,
    DateTimeOffset? DismantledAt,
    BoardTotals Totals);

public sealed record BoardTeam(Guid TeamId, string Name, string Leader, int Headcount, string CityCode, Guid? SiteId);

public sealed record BoardTeamRef(Guid TeamId, string Name);

/// <summary>Results (战果) of a site, a city or the whole operation.</summary>
/// <param name="CriminalDetentions">Persons arrested here whose current custody decision is criminal detention (刑事拘留); a corrected decision no longer counts.</param>
/// <param name="SeizuresByCategory">Quantities seized, by category name.</param>
/// <param name="FrozenByCurrency">Amounts frozen (冻结), by ISO currency.</param>
/// <param name="StopPaymentsByCurrency">Amounts stopped (止付), by ISO currency.</param>
public sealed record BoardTotals(
    int Arrests,
    int CriminalDetentions,
    ImmutableSortedDictionary<string, int> SeizuresByCategory,
    ImmutableSortedDictionary<string, decimal> FrozenByCurrency,
    ImmutableSortedDictionary<string, decimal> StopPaymentsByCurrency)
{
    public static BoardTotals Empty { get; } = new(
        0, 0, ImmutableSortedDictionary<string, int>.Empty, ImmutableSortedDictionary<string, decimal>.Empty, ImmutableSortedDictionary<string, decimal>.Empty);
}

public enum BoardTransferStatus
{
    Planned,
    Boarded,
    Departed,
    Arrived,
    HandedOver,
}

/// <summary>A detainee transfer (押解) with the headcounts reported at each stage.</summary>
/// <param name="Alerts">Headcounts that did not reconcile, in the order they were detected.</param>
public sealed record BoardTransfer(
    Guid TransferId,
    string OriginCity,
    string DestinationCity,
    TransferMode Mode,
    string VehicleOrFlight,
    BoardTransferStatus Status,
    int ManifestSize,
    int? Boarded,
    int? Departed,
    int? Arrived,
    int? HandedOver,
    ImmutableList<BoardHeadcountAlert> Alerts);

public sealed record BoardHeadcountAlert(TransferStage Stage, int Expected, int Actual, DateTimeOffset OccurredAt);

/// <summary>One line of the operations list.</summary>
public sealed record OperationSummary(Guid OperationId, string CodeName, string Title, OperationStatus Status);
