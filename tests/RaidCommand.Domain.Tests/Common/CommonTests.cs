using RaidCommand.Domain.Common;

namespace RaidCommand.Domain.Tests.Common;

public class CommonTests
{
    private static readonly DateTimeOffset Now = Fixtures.Now;

    [Fact]
    public void Local_time_converts_an_instant_to_the_city_wall_clock()
    {
        var local = LocalTime.ForCity(new DateTimeOffset(2026, 5, 25, 22, 0, 0, TimeSpan.Zero), "Asia/Shanghai");

        Assert.Equal(new DateTime(2026, 5, 26, 6, 0, 0), local.DateTime);
        Assert.Equal(TimeSpan.FromHours(8), local.Offset);
    }

    [Theory]
    [InlineData("Asia/Shanghai", true)]
    [InlineData("Asia/Urumqi", true)]
    [InlineData("Not/AZone", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Zones_are_validated(string? zone, bool known) => Assert.Equal(known, LocalTime.IsKnownZone(zone));

    [Fact]
    public void Occurred_at_exactly_at_the_tolerance_is_accepted_and_normalised_to_utc()
    {
        var stated = (Now + Guard.ClockSkewTolerance).ToOffset(TimeSpan.FromHours(8));

        var accepted = Guard.OccurredAt(stated, Now);

        Assert.Equal(stated, accepted);
        Assert.Equal(TimeSpan.Zero, accepted.Offset);
    }

    [Fact]
    public void Occurred_at_beyond_the_tolerance_is_invalid()
    {
        var violation = Assert.Throws<DomainRuleViolation>(() => Guard.OccurredAt(Now + Guard.ClockSkewTolerance + TimeSpan.FromSeconds(1), Now));

        Assert.Equal(("time.occurred-at-in-future", ViolationKind.Invalid), (violation.Code, violation.Kind));
    }

    [Fact]
    public void Violations_carry_code_kind_message_and_subjects()
    {
        var conflict = DomainRuleViolation.Conflict("operation.not-approved", "Approve first.");
        var invalid = DomainRuleViolation.Invalid("transfer.ineligible-persons", "Not detained.", ["a", "b"]);

        Assert.Equal(("operation.not-approved", ViolationKind.Conflict, "Approve first."), (conflict.Code, conflict.Kind, conflict.Message));
        Assert.Empty(conflict.Subjects);
        Assert.Equal(ViolationKind.Invalid, invalid.Kind);
        Assert.Equal(["a", "b"], invalid.Subjects);
    }

    [Theory]
    [InlineData("CNY", true)]
    [InlineData("cny", false)]
    [InlineData("RMB1", false)]
    public void Money_requires_an_iso_currency(string currency, bool valid) =>
        Assert.Equal(valid, new Money(1m, currency).HasIsoCurrency);
}
