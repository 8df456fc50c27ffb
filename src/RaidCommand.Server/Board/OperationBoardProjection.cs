using System.Collections.Immutable;
using RaidCommand.Domain.Common;
using RaidCommand.Domain.Custody;
using RaidCommand.Domain.Operations;
using RaidCommand.Domain.Sites;
using RaidCommand.Domain.Transfers;
using RaidCommand.EventStore;
using RaidCommand.Server.Commands;
using RaidCommand.Server.ReadModels;

namespace RaidCommand.Server.Board;

/// <summary>
/// Keeps one <see cref="OperationBoard"/> per operation from the operation, site, custody and transfer streams.
/// Operation and site events name their operation; custody and transfer events after the first do not, so they
/// are routed through a <see cref="StreamOriginIndex"/> filled by <c>PersonArrested</c> and <c>TransferPlanned</c>.
/// The index also remembers each person's arrest site, so a detention is counted at its site without the board
/// holding a line per person: the document's size, and a page's cost, do not grow with the arrests.
/// </summary>
public sealed class OperationBoardProjection(ReadModelStore store) : DocumentProjection<OperationBoard>(store)
{
    public const string ProjectionName = "operation-board";
    public const string TableName = "operation_boards";


    public override string Name => ProjectionName;

    public override string Table => TableName;

    public static string DocumentId(Guid operationId) => operationId.ToString("N");

    protected override IEnumerable<DocumentKey> KeysFor(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var operationId = ResolvesOperationOf(recorded)
            ? OperationOfStream(recorded.StreamId)
            : NamedOperation(recorded.Data);
        return operationId is { } id ? [new DocumentKey(DocumentId(id), id)] : [];
    }

    protected override OperationBoard? Apply(OperationBoard? view, DocumentKey key, RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var fromOperationStream = key.OperationId is { } id && recorded.StreamId == StreamIds.Operation(id);
        return OperationBoardFold.Apply(view, recorded.Data, fromOperationStream ? recorded.StreamVersion : null, OriginOfStream(recorded.StreamId)?.SiteId);
    }

    // Totals are derived once per page (and once per replay), not after every event: a long replay stays linear.
    protected override OperationBoard Complete(OperationBoard view) => OperationBoardFold.Complete(view);

    protected override bool ResolvesOperationOf(RecordedEvent recorded) =>
        recorded.StreamId.StartsWith("person-", StringComparison.Ordinal) || recorded.StreamId.StartsWith("transfer-", StringComparison.Ordinal);

    protected override StreamOrigin? DeclaredOrigin(object data) => data switch
    {
        PersonArrested e => new StreamOrigin(e.OperationId, e.SiteId),
        TransferPlanned e => new StreamOrigin(e.OperationId),
        _ => null,
    };

    private static Guid? NamedOperation(object data) => data switch
    {
        OperationOpened e => e.OperationId,
        UnitAttached e => e.OperationId,
        CityAdded e => e.OperationId,
        SiteRegistered e => e.OperationId,
        TeamFormed e => e.OperationId,
        TeamAssignedToSite e => e.OperationId,
        StrikeTimeSet e => e.OperationId,
        CityStrikeTimeOverridden e => e.OperationId,
        PlanApproved e => e.OperationId,
        CityLaunched e => e.OperationId,
        OperationConcluded e => e.OperationId,
        SiteBreached e => e.OperationId,
        SiteSecured e => e.OperationId,
        SiteDismantled e => e.OperationId,
        ArrestLogged e => e.OperationId,
        SeizureLogged e => e.OperationId,
        AssetFrozen e => e.OperationId,
        StopPaymentIssued e => e.OperationId,
        SeizureVoided e => e.OperationId,
        SeizureQuantityAmended e => e.OperationId,
        FreezeVoided e => e.OperationId,
        StopPaymentVoided e => e.OperationId,
        _ => null,
    };
}

/// <summary>
/// The pure fold behind the board: <see cref="Apply"/> one event at a time to the per-site facts, then
/// <see cref="Complete"/> re-derives the city and operation totals from them. <see cref="Evolve"/> does both.
/// </summary>
public static class OperationBoardFold
{
    /// <param name="operationVersion">The operation stream's version when the event comes from it, else null.</param>
    /// <param name="arrestSite">For an event of a person's custody stream, the site the person was arrested at (the stream's origin), else null.</param>
    public static OperationBoard? Evolve(OperationBoard? board, object @event, long? operationVersion, Guid? arrestSite) =>
        Apply(board, @event, operationVersion, arrestSite) is { } next ? Complete(next) : null;

    /// <summary>Applies one event without re-deriving the totals; call <see cref="Complete"/> once after a run of events.</summary>
    /// <param name="operationVersion">The operation stream's version when the event comes from it, else null.</param>
    /// <param name="arrestSite">For an event of a person's custody stream, the site the person was arrested at (the stream's origin), else null.</param>
    public static OperationBoard? Apply(OperationBoard? board, object @event, long? operationVersion, Guid? arrestSite)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (board is null)
        {
            // Nothing of an operation can precede its opening in the feed; anything else would be a foreign event.
            return @event is OperationOpened opened ? Open(opened, operationVersion ?? 1) : null;
        }

        var next = Fold(board, @event, arrestSite);
        return operationVersion is { } version ? next with { OperationVersion = version } : next;
    }

    /// <summary>The city and operation totals, derived from the sites' facts (the fold itself never reads them).</summary>
    public static OperationBoard Complete(OperationBoard board) => WithTotals(board);

    private static OperationBoard Open(OperationOpened e, long version) => new(
        e.OperationId, e.CodeName, e.Title, OperationStatus.Planning, e.OriginCase, e.HomeCity, e.Commander, e.OpenedAt,
        HHour: null, ApprovedAt: null, ConcludedAt: null, [], [], [], [], BoardTotals.Empty, TimeFromReportToFirstStopPayment: null, version);

    private static OperationBoard Fold(OperationBoard board, object @event, Guid? arrestSite) => @event switch
    {
        CityAdded e => board with
        {
            Cities = board.Cities.Add(WithHHour(
                new BoardCity(e.CityCode, e.Name, e.LocalCommander, e.TimeZoneId, null, null, false, null, BoardTotals.Empty), board.HHour)),
        },
        SiteRegistered e => board with
        {
            Sites = board.Sites.Add(new BoardSite(e.SiteId, e.CityCode, e.Address, e.ExpectedHeadcount, BoardSiteStatus.Planned, [], null, null, null, BoardTotals.Empty)),
        },
        TeamFormed e => board with { Teams = board.Teams.Add(new BoardTeam(e.TeamId, e.Name, e.Leader, e.Headcount, e.CityCode, null)) },
        TeamAssignedToSite e => board with
        {
            Teams = Update(board.Teams, t => t.TeamId == e.TeamId, t => t with { SiteId = e.SiteId }),
            Sites = Update(board.Sites, s => s.SiteId == e.SiteId, s => s with { Teams = s.Teams.Add(new BoardTeamRef(e.TeamId, TeamName(board, e.TeamId))) }),
        },
        StrikeTimeSet e => board with { HHour = e.HHour, Cities = Update(board.Cities, c => !c.HHourOverridden, c => WithHHour(c, e.HHour)) },
        CityStrikeTimeOverridden e => board with
        {
            Cities = Update(board.Cities, c => c.Code == e.CityCode, c => WithHHour(c, e.HHour) with { HHourOverridden = true }),
        },
        PlanApproved e => board with { Status = OperationStatus.Approved, ApprovedAt = e.ApprovedAt },
        CityLaunched e => board with
        {
            Status = OperationStatus.Launched,
            Cities = Update(board.Cities, c => c.Code == e.CityCode, c => c with { LaunchedAt = e.LaunchedAt }),
        },
        OperationConcluded e => board with { Status = OperationStatus.Concluded, ConcludedAt = e.ConcludedAt },

        SiteBreached e => OnSite(board, e.SiteId, s => s with { Status = BoardSiteStatus.Breached, BreachedAt = e.OccurredAt }),
        SiteSecured e => OnSite(board, e.SiteId, s => s with { Status = BoardSiteStatus.Secured, SecuredAt = e.OccurredAt }),
        SiteDismantled e => OnSite(board, e.SiteId, s => s with { Status = BoardSiteStatus.Dismantled, DismantledAt = e.OccurredAt }),
        ArrestLogged e => OnSiteTotals(board, e.SiteId, t => t with { Arrests = t.Arrests + 1 }),
        SeizureLogged e => OnSiteTotals(board, e.SiteId, t => t with { SeizuresByCategory = Add(t.SeizuresByCategory, e.Category.ToString(), e.Quantity) }),
        AssetFrozen e => OnSiteTotals(board, e.SiteId, t => t with { FrozenByCurrency = Add(t.FrozenByCurrency, e.Amount.Currency, e.Amount.Amount) }),
        StopPaymentIssued e => StopPayment(board, e),
        SeizureVoided e => OnSiteTotals(board, e.SiteId, t => t with { SeizuresByCategory = Add(t.SeizuresByCategory, e.Category.ToString(), -e.Quantity) }),
        SeizureQuantityAmended e => OnSiteTotals(board, e.SiteId, t => t with
        {
            SeizuresByCategory = Add(t.SeizuresByCategory, e.Category.ToString(), e.Quantity - e.PreviousQuantity),
        }),
        FreezeVoided e => OnSiteTotals(board, e.SiteId, t => t with { FrozenByCurrency = Add(t.FrozenByCurrency, e.Amount.Currency, -e.Amount.Amount) }),
        StopPaymentVoided e => OnSiteTotals(board, e.SiteId, t => t with { StopPaymentsByCurrency = Add(t.StopPaymentsByCurrency, e.Amount.Currency, -e.Amount.Amount) }),

        // A person has one decision at a time (a second needs a correction first), and a correction names the decision
        // it voids: so a detention's count goes up and down with these two events alone, at the person's arrest site.
        CriminallyDetained when arrestSite is { } site => OnSiteTotals(board, site, t => t with { CriminalDetentions = t.CriminalDetentions + 1 }),
        CustodyDecisionCorrected { VoidedDecision: CustodyDecision.CriminallyDetained } when arrestSite is { } site =>
            OnSiteTotals(board, site, t => t with { CriminalDetentions = t.CriminalDetentions - 1 }),

        TransferPlanned e => board with
        {
            Transfers = board.Transfers.Add(new BoardTransfer(
                e.TransferId, e.OriginCity, e.DestinationCity, e.Mode, e.VehicleOrFlight, BoardTransferStatus.Planned, e.Manifest.Count, null, null, null, null, [])),
        },
        DetaineesBoarded e => OnTransfer(board, e.TransferId, t => t with { Status = BoardTransferStatus.Boarded, Boarded = (t.Boarded ?? 0) + e.PersonIds.Count }),
        TransferDeparted e => OnTransfer(board, e.TransferId, t => t with { Status = BoardTransferStatus.Departed, Departed = e.Headcount }),
        TransferReachedDestination e => OnTransfer(board, e.TransferId, t => t with { Status = BoardTransferStatus.Arrived, Arrived = e.Headcount }),
        DetaineesHandedOver e => OnTransfer(board, e.TransferId, t => t with { Status = BoardTransferStatus.HandedOver, HandedOver = e.Headcount }),
        HeadcountMismatchDetected e => OnTransfer(board, e.TransferId, t => t with
        {
            Alerts = t.Alerts.Add(new BoardHeadcountAlert(e.Stage, e.Expected, e.Actual, e.OccurredAt)),
        }),
        _ => board,
    };

    private static BoardCity WithHHour(BoardCity city, DateTimeOffset? hHour) => city with
    {
        HHour = hHour,
        LocalHHour = hHour is { } instant && LocalTime.IsKnownZone(city.TimeZoneId) ? LocalTime.ForCity(instant, city.TimeZoneId) : null,
    };

    private static string TeamName(OperationBoard board, Guid teamId) =>
        board.Teams.FirstOrDefault(t => t.TeamId == teamId)?.Name ?? string.Empty;

    private static OperationBoard StopPayment(OperationBoard board, StopPaymentIssued e)
    {
        var sinceReport = CaseMetrics.TimeFromReportToFirstStopPayment(board.OriginCase, [e]);
        var withAmount = OnSiteTotals(board, e.SiteId, t => t with { StopPaymentsByCurrency = Add(t.StopPaymentsByCurrency, e.Amount.Currency, e.Amount.Amount) });
        return withAmount with
        {
            // Stop-payments may be logged out of order (stated times), so the earliest wins, not the first seen.
            TimeFromReportToFirstStopPayment = board.TimeFromReportToFirstStopPayment is { } earlier && earlier <= sinceReport ? earlier : sinceReport,
        };
    }

    private static OperationBoard OnSite(OperationBoard board, Guid siteId, Func<BoardSite, BoardSite> update) =>
        board with { Sites = Update(board.Sites, s => s.SiteId == siteId, update) };

    private static OperationBoard OnSiteTotals(OperationBoard board, Guid siteId, Func<BoardTotals, BoardTotals> update) =>
        OnSite(board, siteId, s => s with { Totals = update(s.Totals) });

    private static OperationBoard OnTransfer(OperationBoard board, Guid transferId, Func<BoardTransfer, BoardTransfer> update) =>
        board with { Transfers = Update(board.Transfers, t => t.TransferId == transferId, update) };

    /// <summary>City and operation totals are sums of their sites.</summary>
    private static OperationBoard WithTotals(OperationBoard board) => board with
    {
        Cities = board.Cities.Select(c => c with { Totals = Sum(board.Sites.Where(s => s.CityCode == c.Code)) }).ToImmutableList(),
        Totals = Sum(board.Sites),
    };

    private static BoardTotals Sum(IEnumerable<BoardSite> sites) => sites.Aggregate(BoardTotals.Empty, (sum, site) => new BoardTotals(
        sum.Arrests + site.Totals.Arrests,
        sum.CriminalDetentions + site.Totals.CriminalDetentions,
        site.Totals.SeizuresByCategory.Aggregate(sum.SeizuresByCategory, (totals, entry) => Add(totals, entry.Key, entry.Value)),
        site.Totals.FrozenByCurrency.Aggregate(sum.FrozenByCurrency, (totals, entry) => Add(totals, entry.Key, entry.Value)),
        site.Totals.StopPaymentsByCurrency.Aggregate(sum.StopPaymentsByCurrency, (totals, entry) => Add(totals, entry.Key, entry.Value))));

    private static ImmutableSortedDictionary<string, int> Add(ImmutableSortedDictionary<string, int> totals, string key, int amount) =>
        totals.SetItem(key, totals.GetValueOrDefault(key) + amount);

    private static ImmutableSortedDictionary<string, decimal> Add(ImmutableSortedDictionary<string, decimal> totals, string key, decimal amount) =>
        totals.SetItem(key, totals.GetValueOrDefault(key) + amount);

    // Replaces the matching items in place, so the untouched part of the list is shared, not copied, by every event.
    private static ImmutableList<T> Update<T>(ImmutableList<T> items, Func<T, bool> matches, Func<T, T> update)
    {
        var updated = items;
        var index = 0;
        foreach (var item in items)
        {
            if (matches(item))
            {
                updated = updated.SetItem(index, update(item));
            }

            index++;
        }

        return updated;
    }
}
