using RaidCommand.Domain.Common;
using RaidCommand.Domain.Sites;
using static RaidCommand.Domain.Tests.Fixtures;

namespace RaidCommand.Domain.Tests.Sites;

public class FieldLogTests
{
    private static readonly DateTimeOffset At = Now.AddMinutes(-30);
    private static readonly Guid SeizureId = new("40000000-0000-0000-0000-000000000001");
    private static readonly Guid FreezeId = new("50000000-0000-0000-0000-000000000001");
    private static readonly Guid StopId = new("60000000-0000-0000-0000-000000000001");

    private static object[] Dismantled =>
    [
        new SiteBreached(OperationId, ZzSite, ZzTeam, At),
        new SiteSecured(OperationId, ZzSite, ZzTeam, At),
        new SiteDismantled(OperationId, ZzSite, ZzTeam, At),
    ];

    private static LogArrest Arrest(Guid person, string? name = null, string? tag = "ZZ-07-014") =>
        new(ZzSite, ZzTeam, At, person, name, tag, null);

    private static LogSeizure Phones(Money? cash = null, SeizureCategory category = SeizureCategory.Phone, int quantity = 2) =>
        new(ZzSite, ZzTeam, At, SeizureId, category, quantity, "Scripted-call handsets", ["IMEI 356938035643809", "IMEI 356938035643817"], "Evidence room A", cash);

    private static FreezeAsset Freeze(decimal amount = 480_000m) =>
        new(ZzSite, ZzTeam, At, FreezeId, "Zhang San", "ICBC", "6222 0000 1111 2222", Money.Cny(amount), "ZZ-FREEZE-0526-01");

    private static IssueStopPayment StopPayment(string request = "SP-REQ-0001") =>
        new(ZzSite, ZzTeam, At, StopId, "Zhang San", "ICBC", "6222 0000 1111 2222", Money.Cny(15_000m), "ZZ-STOP-0526-01", request);

    [Fact]
    public void An_arrest_without_a_name_is_logged_with_its_site_tag() =>
        SiteSpec.Create().When(Arrest(Person(1)))
            .Then(new ArrestLogged(OperationId, ZzSite, Zhengzhou, Person(1), null, "ZZ-07-014", null, ZzTeam, At));

    [Fact]
    public void An_arrest_with_name_and_identity_document_is_logged() =>
        SiteSpec.Create().When(new LogArrest(ZzSite, ZzTeam, At, Person(2), "Li Si", null, "410105199001011234"))
            .Then(new ArrestLogged(OperationId, ZzSite, Zhengzhou, Person(2), "Li Si", null, "410105199001011234", ZzTeam, At));

    [Fact]
    public void An_arrest_needs_a_name_or_a_tag() =>
        SiteSpec.Create().When(Arrest(Person(1), null, " ")).ThenFails("site.person-unidentified", ViolationKind.Invalid);

    [Fact]
    public void A_person_is_arrested_once_per_site() =>
        SiteSpec.Create().Given(new ArrestLogged(OperationId, ZzSite, Zhengzhou, Person(1), null, "ZZ-07-014", null, ZzTeam, At))
            .When(Arrest(Person(1)))
            .ThenFails("site.duplicate-arrest", ViolationKind.Conflict);

    [Fact]
    public void Arrests_before_launch_conflict() =>
        SiteSpec.Create(SiteContext.From(StateOf(Approved), ZzSite)).When(Arrest(Person(1))).ThenFails("site.not-launched", ViolationKind.Conflict);

    [Fact]
    public void Arrests_by_a_team_not_assigned_to_the_site_are_invalid() =>
        SiteSpec.Create().When(Arrest(Person(1)) with { TeamId = ShTeam }).ThenFails("site.team-not-assigned", ViolationKind.Invalid);

    [Fact]
    public void Arrests_in_the_future_are_invalid() =>
        SiteSpec.Create().When(Arrest(Person(1)) with { OccurredAt = Now.AddHours(1) }).ThenFails("time.occurred-at-in-future", ViolationKind.Invalid);

    [Fact]
    public void No_arrests_after_the_site_is_dismantled() =>
        SiteSpec.Create().Given(Dismantled).When(Arrest(Person(1))).ThenFails("site.dismantled", ViolationKind.Conflict);

    [Fact]
    public void A_seizure_is_logged_with_its_identifiers()
    {
        IReadOnlyList<string> imeis = ["IMEI 356938035643809", "IMEI 356938035643817"];
        SiteSpec.Create().When(Phones())
            .Then(new SeizureLogged(OperationId, ZzSite, SeizureId, ZzTeam, SeizureCategory.Phone, 2, "Scripted-call handsets", imeis, "Evidence room A", null, At));
    }

    [Fact]
    public void A_cash_seizure_carries_its_amount() =>
        SiteSpec.Create().When(Phones(Money.Cny(86_500m), SeizureCategory.Cash, 1))
            .Then(new SeizureLogged(
                OperationId, ZzSite, SeizureId, ZzTeam, SeizureCategory.Cash, 1, "Scripted-call handsets",
                ["IMEI 356938035643809", "IMEI 356938035643817"], "Evidence room A", Money.Cny(86_500m), At));

    [Fact]
    public void A_cash_seizure_without_an_amount_is_invalid() =>
        SiteSpec.Create().When(Phones(null, SeizureCategory.Cash)).ThenFails("site.cash-amount-required", ViolationKind.Invalid);

    [Fact]
    public void Only_cash_seizures_carry_an_amount() =>
        SiteSpec.Create().When(Phones(Money.Cny(1m))).ThenFails("site.cash-amount-not-allowed", ViolationKind.Invalid);

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Seized_quantity_must_be_positive(int quantity) =>
        SiteSpec.Create().When(Phones(quantity: quantity)).ThenFails("site.invalid-quantity", ViolationKind.Invalid);

    [Fact]
    public void A_seizure_is_logged_once() =>
        SiteSpec.Create()
            .Given(new SeizureLogged(OperationId, ZzSite, SeizureId, ZzTeam, SeizureCategory.Computer, 1, "Laptop", [], "Evidence room A", null, At))
            .When(Phones())
            .ThenFails("site.duplicate-seizure", ViolationKind.Conflict);

    [Fact]
    public void No_seizures_after_the_site_is_dismantled() =>
        SiteSpec.Create().Given(Dismantled).When(Phones()).ThenFails("site.dismantled", ViolationKind.Conflict);

    [Fact]
    public void An_account_is_frozen() =>
        SiteSpec.Create().When(Freeze())
            .Then(new AssetFrozen(OperationId, ZzSite, FreezeId, ZzTeam, "Zhang San", "ICBC", "6222 0000 1111 2222", Money.Cny(480_000m), "ZZ-FREEZE-0526-01", At));

    [Fact]
    public void Freezes_may_follow_dismantling() =>
        Assert.Single(SiteSpec.Create().Given(Dismantled).When(Freeze()).Then(
            new AssetFrozen(OperationId, ZzSite, FreezeId, ZzTeam, "Zhang San", "ICBC", "6222 0000 1111 2222", Money.Cny(480_000m), "ZZ-FREEZE-0526-01", At)));

    [Fact]
    public void A_frozen_amount_must_be_positive() =>
        SiteSpec.Create().When(Freeze(0m)).ThenFails("site.invalid-amount", ViolationKind.Invalid);

    [Fact]
    public void An_account_freeze_is_logged_once() =>
        SiteSpec.Create()
            .Given(new AssetFrozen(OperationId, ZzSite, FreezeId, ZzTeam, "Zhang San", "ICBC", "6222", Money.Cny(1m), "ref", At))
            .When(Freeze())
            .ThenFails("site.duplicate-freeze", ViolationKind.Conflict);

    [Fact]
    public void A_stop_payment_is_issued() =>
        SiteSpec.Create().When(StopPayment())
            .Then(new StopPaymentIssued(
                OperationId, ZzSite, StopId, ZzTeam, "Zhang San", "ICBC", "6222 0000 1111 2222", Money.Cny(15_000m), "ZZ-STOP-0526-01", "SP-REQ-0001", At));

    [Fact]
    public void A_stop_payment_needs_its_request_reference() =>
        SiteSpec.Create().When(StopPayment("")).ThenFails("site.request-reference-required", ViolationKind.Invalid);

    [Fact]
    public void A_stop_payment_is_logged_once() =>
        SiteSpec.Create()
            .Given(new StopPaymentIssued(OperationId, ZzSite, StopId, ZzTeam, "Zhang San", "ICBC", "6222", Money.Cny(1m), "o", "r", At))
            .When(StopPayment())
            .ThenFails("site.duplicate-stop-payment", ViolationKind.Conflict);

    [Fact]
    public void Stop_payments_before_launch_conflict() =>
        SiteSpec.Create(SiteContext.From(StateOf(Approved), ZzSite)).When(StopPayment()).ThenFails("site.not-launched", ViolationKind.Conflict);

    [Fact]
    public void Time_from_report_to_first_stop_payment_uses_the_earliest_occurred_at()
    {
        StopPaymentIssued Issued(DateTimeOffset at) => new(OperationId, ZzSite, Guid.Empty, ZzTeam, "h", "b", "n", Money.Cny(1m), "o", "r", at);

        var elapsed = CaseMetrics.TimeFromReportToFirstStopPayment(Origin, [Issued(Now), Issued(ReportedAt.AddHours(3))]);

        Assert.Equal(TimeSpan.FromHours(3), elapsed);
        Assert.Null(CaseMetrics.TimeFromReportToFirstStopPayment(Origin, []));
    }
}
