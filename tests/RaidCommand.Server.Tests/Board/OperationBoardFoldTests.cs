using System.Text.Json;
using RaidCommand.Domain.Common;
using RaidCommand.Domain.Custody;
using RaidCommand.Domain.Operations;
using RaidCommand.Domain.Sites;
using RaidCommand.Server.Board;

namespace RaidCommand.Server.Tests.Board;

/// <summary>The board's fold is pure: events in, document out, no database.</summary>
public sealed class OperationBoardFoldTests
{
    private static readonly Guid OperationId = Guid.NewGuid();
    private static readonly Guid SiteId = Guid.NewGuid();
    private static readonly Guid TeamId = Guid.NewGuid();
    private static readonly DateTimeOffset ReportedAt = new(2026, 5, 1, 1, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Events_before_the_opening_make_no_board()
    {
        Assert.Null(OperationBoardFold.Evolve(null, new CityAdded(OperationId, "ZZ", "Zhengzhou", "Sun", "Asia/Shanghai"), 1, null));
    }

    [Fact]
    public void A_city_override_moves_only_that_citys_h_hour_and_a_later_operation_h_hour_leaves_it()
    {
        var hHour = new DateTimeOffset(2026, 5, 25, 20, 0, 0, TimeSpan.Zero);
        var board = Fold(
            new CityAdded(OperationId, "ZZ", "Zhengzhou", "Sun", "Asia/Shanghai"),
            new CityAdded(OperationId, "UR", "Urumqi", "Ablimit", "Asia/Urumqi"),
            new StrikeTimeSet(OperationId, hHour),
            new CityStrikeTimeOverridden(OperationId, "UR", hHour.AddHours(2)),
            new StrikeTimeSet(OperationId, hHour.AddHours(1)));

        var zz = board.Cities.Single(c => c.Code == "ZZ");
        var ur = board.Cities.Single(c => c.Code == "UR");
        Assert.Equal(hHour.AddHours(1), zz.HHour);
        Assert.Equal(TimeSpan.FromHours(8), zz.LocalHHour!.Value.Offset);
        Assert.Equal(5, zz.LocalHHour.Value.Hour);
        Assert.Equal(hHour.AddHours(2), ur.HHour);
        Assert.True(ur.HHourOverridden);
        Assert.Equal(TimeSpan.FromHours(6), ur.LocalHHour!.Value.Offset);
    }

    [Fact]
    public void Detentions_count_current_decisions_only()
    {
        var (detained, corrected, bailed) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var now = ReportedAt.AddDays(30);
        var board = Fold(
            new CityAdded(OperationId, "ZZ", "Zhengzhou", "Sun", "Asia/Shanghai"),
            new SiteRegistered(OperationId, SiteId, "ZZ", "Room 1402", 30, null),
            Arrested(detained), Arrested(corrected), Arrested(bailed),
            new CriminallyDetained(detained, "Xu", "ZZ centre", "ZZ", now),
            new CriminallyDetained(corrected, "Xu", "ZZ centre", "ZZ", now),
            new CustodyDecisionCorrected(corrected, CustodyDecision.CriminallyDetained, "mistake", "Xu", now),
            new BailedPendingTrial(bailed, "Xu", null, now));

        Assert.Equal(1, board.Totals.CriminalDetentions);
        Assert.Equal(1, board.Cities.Single().Totals.CriminalDetentions);
        Assert.Equal(1, board.Sites.Single().Totals.CriminalDetentions);
    }

    [Fact]
    public void The_earliest_stop_payment_sets_the_time_from_report_even_when_logged_later()
    {
        var board = Fold(
            new CityAdded(OperationId, "ZZ", "Zhengzhou", "Sun", "Asia/Shanghai"),
            new SiteRegistered(OperationId, SiteId, "ZZ", "Room 1402", 30, null),
            StopPayment(ReportedAt.AddHours(5), 100m),
            StopPayment(ReportedAt.AddHours(2), 50m));

        Assert.Equal(TimeSpan.FromHours(2), board.TimeFromReportToFirstStopPayment);
        Assert.Equal(150m, board.Totals.StopPaymentsByCurrency["CNY"]);
    }

    [Fact]
    public void The_operation_version_follows_operation_events_only()
    {
        var board = OperationBoardFold.Evolve(Opened(), new SiteRegistered(OperationId, SiteId, "ZZ", "Room 1402", 30, null), 2, null)!;
        board = OperationBoardFold.Evolve(board, StopPayment(ReportedAt.AddHours(1), 1m), null, null)!;

        Assert.Equal(2, board.OperationVersion);
    }

    [Fact]
    public void A_detention_counts_at_the_site_of_the_arrest()
    {
        var (otherSite, person) = (Guid.NewGuid(), Guid.NewGuid());
        var board = Fold(
            new CityAdded(OperationId, "ZZ", "Zhengzhou", "Sun", "Asia/Shanghai"),
            new CityAdded(OperationId, "SH", "Shanghai", "Wang", "Asia/Shanghai"),
            new SiteRegistered(OperationId, SiteId, "ZZ", "Room 1402", 30, null),
            new SiteRegistered(OperationId, otherSite, "SH", "Unit 7", 10, null),
            Arrested(person),
            new CriminallyDetained(person, "Xu", "SH centre", "SH", ReportedAt.AddDays(26)));

        Assert.Equal(1, board.Sites.Single(s => s.SiteId == SiteId).Totals.CriminalDetentions);
        Assert.Equal(0, board.Sites.Single(s => s.SiteId == otherSite).Totals.CriminalDetentions);
        Assert.Equal(1, board.Cities.Single(c => c.Code == "ZZ").Totals.CriminalDetentions);
    }

    [Fact]
    public void The_board_does_not_grow_with_the_persons_arrested()
    {
        object[] Raid(int persons) =>
        [
            new CityAdded(OperationId, "ZZ", "Zhengzhou", "Sun", "Asia/Shanghai"),
            new SiteRegistered(OperationId, SiteId, "ZZ", "Room 1402", 30, null),
            .. Enumerable.Range(0, persons).SelectMany(_ => Detained(Guid.NewGuid())),
        ];

        // Counts of the same number of digits, so that only a line per person could make the two documents differ in size.
        var few = Fold(Raid(100));
        var many = Fold(Raid(900));

        Assert.Equal(900, many.Totals.CriminalDetentions);
        Assert.Equal(JsonSerializer.Serialize(few).Length, JsonSerializer.Serialize(many).Length);
    }

    /// <summary>Folds as the projection does, giving each custody event its person's arrest site as the stream's origin would.</summary>
    private static OperationBoard Fold(params object[] events)
    {
        var board = Opened();
        var arrestSites = new Dictionary<Guid, Guid>();
        foreach (var @event in events)
        {
            if (@event is PersonArrested arrested)
            {
                arrestSites[arrested.PersonId] = arrested.SiteId;
            }

            var arrestSite = PersonOf(@event) is { } person && arrestSites.TryGetValue(person, out var site) ? site : (Guid?)null;
            board = OperationBoardFold.Evolve(board, @event, null, arrestSite)!;
        }

        return board;
    }

    private static Guid? PersonOf(object @event) => @event switch
    {
        CriminallyDetained e => e.PersonId,
        BailedPendingTrial e => e.PersonId,
        CustodyDecisionCorrected e => e.PersonId,
        _ => null,
    };

    private static object[] Detained(Guid personId) =>
        [Arrested(personId), new CriminallyDetained(personId, "Xu", "ZZ centre", "ZZ", ReportedAt.AddDays(26))];

    private static OperationBoard Opened() => OperationBoardFold.Evolve(null, new OperationOpened(
        OperationId, "5·26", "Fraud ring", new OriginCase("LZ-1", Money.Cny(15000), ReportedAt), new CityRef("LZ", "Lanzhou", "Asia/Shanghai"),
        "Director Li", ReportedAt.AddDays(1)), 1, null)!;

    private static PersonArrested Arrested(Guid personId) =>
        new(personId, OperationId, SiteId, "ZZ", "Someone", null, null, TeamId, ReportedAt.AddDays(25));

    private static StopPaymentIssued StopPayment(DateTimeOffset at, decimal amount) =>
        new(OperationId, SiteId, Guid.NewGuid(), TeamId, "Chen", "ICBC", "6222", Money.Cny(amount), "SP-1", "RQ-1", at);
}
