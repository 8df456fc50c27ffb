using RaidCommand.Domain.Common;
using RaidCommand.Domain.Operations;
using static RaidCommand.Domain.Tests.Fixtures;

namespace RaidCommand.Domain.Tests.Operations;

public class PlanningTests
{
    private static readonly Guid NewSite = new("10000000-0000-0000-0000-000000000099");
    private static readonly Guid NewTeam = new("20000000-0000-0000-0000-000000000099");

    [Theory]
    [InlineData(UnitKind.AntiFraud)]
    [InlineData(UnitKind.CriminalInvestigation)]
    [InlineData(UnitKind.Legal)]
    [InlineData(UnitKind.SwatSupport)]
    [InlineData(UnitKind.Prosecutor)]
    [InlineData(UnitKind.Other)]
    public void Units_of_every_kind_attach(UnitKind kind) =>
        OperationSpec.Create().Given(Opened)
            .When(new AttachUnit(OperationId, "Unit", kind))
            .Then(new UnitAttached(OperationId, "Unit", kind));

    [Fact]
    public void A_unit_attaches_once() =>
        OperationSpec.Create().Given(Opened, new UnitAttached(OperationId, "Prosecutor's office", UnitKind.Prosecutor))
            .When(new AttachUnit(OperationId, "Prosecutor's office", UnitKind.Prosecutor))
            .ThenFails("operation.duplicate-unit", ViolationKind.Conflict);

    [Fact]
    public void An_undefined_unit_kind_is_invalid() =>
        OperationSpec.Create().Given(Opened)
            .When(new AttachUnit(OperationId, "Unit", (UnitKind)42))
            .ThenFails("operation.invalid-unit-kind", ViolationKind.Invalid);

    [Fact]
    public void Cities_are_added_with_their_zone() =>
        OperationSpec.Create().Given(Opened)
            .When(new AddCity(OperationId, Zhengzhou, "Zhengzhou", "Cmdr Li", Zone))
            .Then(new CityAdded(OperationId, Zhengzhou, "Zhengzhou", "Cmdr Li", Zone));

    [Fact]
    public void A_city_is_added_once() =>
        OperationSpec.Create().Given(Planned)
            .When(new AddCity(OperationId, Zhengzhou, "Zhengzhou", "Cmdr Li", Zone))
            .ThenFails("operation.duplicate-city", ViolationKind.Conflict);

    [Fact]
    public void A_city_needs_a_known_iana_zone() =>
        OperationSpec.Create().Given(Opened)
            .When(new AddCity(OperationId, Zhengzhou, "Zhengzhou", "Cmdr Li", "China Standard Time?"))
            .ThenFails("operation.unknown-time-zone", ViolationKind.Invalid);

    [Fact]
    public void Sites_are_registered_in_a_known_city() =>
        OperationSpec.Create().Given(Planned)
            .When(new RegisterSite(OperationId, NewSite, Shanghai, "Minhang warehouse", 12, null))
            .Then(new SiteRegistered(OperationId, NewSite, Shanghai, "Minhang warehouse", 12, null));

    [Fact]
    public void A_site_in_an_unknown_city_is_invalid() =>
        OperationSpec.Create().Given(Planned)
            .When(new RegisterSite(OperationId, NewSite, "GZ", "Tianhe", 5, null))
            .ThenFails("operation.unknown-city", ViolationKind.Invalid);

    [Fact]
    public void A_site_is_registered_once() =>
        OperationSpec.Create().Given(Planned)
            .When(new RegisterSite(OperationId, ZzSite, Zhengzhou, "Jinshui Rd 7", 40, null))
            .ThenFails("operation.duplicate-site", ViolationKind.Conflict);

    [Fact]
    public void Expected_headcount_cannot_be_negative() =>
        OperationSpec.Create().Given(Planned)
            .When(new RegisterSite(OperationId, NewSite, Zhengzhou, "Erqi", -1, null))
            .ThenFails("operation.invalid-headcount", ViolationKind.Invalid);

    [Fact]
    public void Teams_form_in_a_known_city() =>
        OperationSpec.Create().Given(Planned)
            .When(new FormTeam(OperationId, NewTeam, "ZZ-2", "Sgt Qian", 12, Zhengzhou))
            .Then(new TeamFormed(OperationId, NewTeam, "ZZ-2", "Sgt Qian", 12, Zhengzhou));

    [Fact]
    public void A_team_in_an_unknown_city_is_invalid() =>
        OperationSpec.Create().Given(Planned)
            .When(new FormTeam(OperationId, NewTeam, "GZ-1", "Sgt Qian", 12, "GZ"))
            .ThenFails("operation.unknown-city", ViolationKind.Invalid);

    [Fact]
    public void A_team_forms_once() =>
        OperationSpec.Create().Given(Planned)
            .When(new FormTeam(OperationId, ZzTeam, "ZZ-1", "Sgt Zhao", 30, Zhengzhou))
            .ThenFails("operation.duplicate-team", ViolationKind.Conflict);

    [Fact]
    public void A_team_needs_officers() =>
        OperationSpec.Create().Given(Planned)
            .When(new FormTeam(OperationId, NewTeam, "ZZ-2", "Sgt Qian", 0, Zhengzhou))
            .ThenFails("operation.invalid-headcount", ViolationKind.Invalid);

    [Fact]
    public void A_team_is_assigned_to_a_site_in_its_city() =>
        OperationSpec.Create()
            .Given(Planned)
            .Given(new TeamFormed(OperationId, NewTeam, "ZZ-2", "Sgt Qian", 12, Zhengzhou))
            .When(new AssignTeamToSite(OperationId, NewTeam, ZzSite))
            .Then(new TeamAssignedToSite(OperationId, NewTeam, ZzSite));

    [Fact]
    public void Assigning_an_unknown_team_is_invalid() =>
        OperationSpec.Create().Given(Planned)
            .When(new AssignTeamToSite(OperationId, NewTeam, ZzSite))
            .ThenFails("operation.unknown-team", ViolationKind.Invalid);

    [Fact]
    public void Assigning_to_an_unknown_site_is_invalid() =>
        OperationSpec.Create().Given(Planned)
            .When(new AssignTeamToSite(OperationId, ZzTeam, NewSite))
            .ThenFails("operation.unknown-site", ViolationKind.Invalid);

    [Fact]
    public void A_team_cannot_be_assigned_to_a_site_in_another_city() =>
        OperationSpec.Create().Given(Planned)
            .Given(new TeamFormed(OperationId, NewTeam, "ZZ-2", "Sgt Qian", 12, Zhengzhou))
            .When(new AssignTeamToSite(OperationId, NewTeam, ShSite))
            .ThenFails("operation.team-city-mismatch", ViolationKind.Invalid);

    [Fact]
    public void A_team_is_assigned_once() =>
        OperationSpec.Create().Given(Planned)
            .When(new AssignTeamToSite(OperationId, ZzTeam, ZzSite))
            .ThenFails("operation.team-already-assigned", ViolationKind.Conflict);

    [Fact]
    public void The_operation_wide_h_hour_is_set_in_utc() =>
        OperationSpec.Create().Given(Opened)
            .When(new SetStrikeTime(OperationId, HHour.ToOffset(TimeSpan.FromHours(8))))
            .Then(new StrikeTimeSet(OperationId, HHour));

    [Fact]
    public void A_city_may_override_the_h_hour() =>
        OperationSpec.Create().Given(Planned)
            .When(new SetStrikeTime(OperationId, HHour.AddMinutes(30), Shanghai))
            .Then(new CityStrikeTimeOverridden(OperationId, Shanghai, HHour.AddMinutes(30)));

    [Fact]
    public void Overriding_the_h_hour_of_an_unknown_city_is_invalid() =>
        OperationSpec.Create().Given(Planned)
            .When(new SetStrikeTime(OperationId, HHour, "GZ"))
            .ThenFails("operation.unknown-city", ViolationKind.Invalid);

    [Fact]
    public void Local_h_hour_is_derived_from_the_city_zone()
    {
        var state = StateOf([.. Planned, new CityStrikeTimeOverridden(OperationId, Shanghai, HHour.AddMinutes(30))]);

        Assert.Equal(new DateTimeOffset(2026, 5, 26, 6, 0, 0, TimeSpan.FromHours(8)), state.LocalHHourFor(Zhengzhou));
        Assert.Equal(TimeSpan.FromHours(8), state.LocalHHourFor(Zhengzhou)!.Value.Offset);
        Assert.Equal(HHour.AddMinutes(30), state.HHourFor(Shanghai));
        Assert.Null(state.LocalHHourFor("GZ"));
    }
}
