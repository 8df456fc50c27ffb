using RaidCommand.Domain.Common;
using RaidCommand.Domain.Operations;
using static RaidCommand.Domain.Tests.Fixtures;

namespace RaidCommand.Domain.Tests.Operations;

public class OpeningTests
{
    private static OpenOperation Open(OriginCase? origin = null, CityRef? home = null) =>
        new(OperationId, "5·26", "Cross-city telecom fraud ring", origin ?? Origin, home ?? Home, "Chief Wang");

    [Fact]
    public void Opening_records_the_origin_case_and_home_city() =>
        OperationSpec.Create().When(Open()).Then(Opened);

    [Fact]
    public void Opening_normalises_instants_to_utc()
    {
        var beijing = new OriginCase("LZ-2026-0415", Money.Cny(15_000m), ReportedAt.ToOffset(TimeSpan.FromHours(8)));
        var events = OperationSpec.Create().When(Open(beijing)).Then(Opened);
        Assert.Equal(TimeSpan.Zero, ((OperationOpened)events[0]).OriginCase.ReportedAt.Offset);
    }

    [Fact]
    public void Opening_twice_conflicts() =>
        OperationSpec.Create().Given(Opened).When(Open()).ThenFails("operation.already-opened", ViolationKind.Conflict);

    [Theory]
    [InlineData(0, "CNY")]
    [InlineData(-1, "CNY")]
    [InlineData(100, "yuan")]
    public void Reported_loss_must_be_positive_money(int amount, string currency) =>
        OperationSpec.Create()
            .When(Open(Origin with { ReportedLoss = new Money(amount, currency) }))
            .ThenFails("operation.invalid-reported-loss", ViolationKind.Invalid);

    [Fact]
    public void A_case_reported_in_the_future_is_invalid() =>
        OperationSpec.Create()
            .When(Open(Origin with { ReportedAt = Now.AddHours(1) }))
            .ThenFails("time.occurred-at-in-future", ViolationKind.Invalid);

    [Fact]
    public void Home_city_needs_a_real_time_zone() =>
        OperationSpec.Create()
            .When(Open(home: Home with { TimeZoneId = "Mars/Olympus" }))
            .ThenFails("operation.unknown-time-zone", ViolationKind.Invalid);

    [Fact]
    public void A_code_name_is_required() =>
        OperationSpec.Create()
            .When(Open() with { CodeName = " " })
            .ThenFails("operation.code-name-required", ViolationKind.Invalid);

    [Fact]
    public void Commands_before_opening_conflict() =>
        OperationSpec.Create()
            .When(new AttachUnit(OperationId, "Anti-fraud centre", UnitKind.AntiFraud))
            .ThenFails("operation.not-opened", ViolationKind.Conflict);
}
