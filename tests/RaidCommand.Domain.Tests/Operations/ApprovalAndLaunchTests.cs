using RaidCommand.Domain.Common;
using RaidCommand.Domain.Operations;
using static RaidCommand.Domain.Tests.Fixtures;

namespace RaidCommand.Domain.Tests.Operations;

public class ApprovalAndLaunchTests
{
    public static TheoryData<OperationCommand> PlanningCommands => new()
    {
        new AttachUnit(OperationId, "SWAT", UnitKind.SwatSupport),
        new AddCity(OperationId, "GZ", "Guangzhou", "Cmdr He", Zone),
        new RegisterSite(OperationId, new Guid("10000000-0000-0000-0000-000000000077"), Zhengzhou, "Erqi", 5, null),
        new FormTeam(OperationId, new Guid("20000000-0000-0000-0000-000000000077"), "ZZ-2", "Sgt Qian", 5, Zhengzhou),
        new AssignTeamToSite(OperationId, ZzTeam, ShSite),
        new SetStrikeTime(OperationId, HHour.AddHours(1)),
        new SetStrikeTime(OperationId, HHour.AddHours(1), Shanghai),
    };

    [Fact]
    public void A_complete_plan_is_approved() =>
        OperationSpec.Create().Given(Planned)
            .When(new ApprovePlan(OperationId, "Director Ma"))
            .Then(new PlanApproved(OperationId, "Director Ma", Now));

    [Fact]
    public void Approval_needs_a_city() =>
        OperationSpec.Create().Given(Opened, new StrikeTimeSet(OperationId, HHour))
            .When(new ApprovePlan(OperationId, "Director Ma"))
            .ThenFails("operation.no-cities", ViolationKind.Conflict);

    [Fact]
    public void Approval_needs_a_team_on_every_site()
    {
        var unstaffed = new Guid("10000000-0000-0000-0000-000000000003");
        var violation = OperationSpec.Create()
            .Given(Planned)
            .Given(new SiteRegistered(OperationId, unstaffed, Shanghai, "Jiading", 8, null))
            .When(new ApprovePlan(OperationId, "Director Ma"))
            .ThenFails("operation.site-without-team", ViolationKind.Conflict);
        Assert.Equal([unstaffed.ToString()], violation.Subjects);
    }

    [Fact]
    public void Approval_needs_an_h_hour() =>
        OperationSpec.Create().Given(Planned[..^1])
            .When(new ApprovePlan(OperationId, "Director Ma"))
            .ThenFails("operation.no-strike-time", ViolationKind.Conflict);

    [Fact]
    public void Approval_names_the_approver() =>
        OperationSpec.Create().Given(Planned)
            .When(new ApprovePlan(OperationId, ""))
            .ThenFails("operation.approver-required", ViolationKind.Invalid);

    [Fact]
    public void A_plan_is_approved_once() =>
        OperationSpec.Create().Given(Approved)
            .When(new ApprovePlan(OperationId, "Director Ma"))
            .ThenFails("operation.already-approved", ViolationKind.Conflict);

    [Theory]
    [MemberData(nameof(PlanningCommands))]
    public void Planning_changes_after_approval_conflict(OperationCommand command) =>
        OperationSpec.Create().Given(Approved).When(command).ThenFails("operation.plan-locked", ViolationKind.Conflict);

    [Fact]
    public void Launching_an_unapproved_plan_conflicts() =>
        OperationSpec.Create().Given(Planned)
            .When(new Launch(OperationId, "Chief Wang"))
            .ThenFails("operation.not-approved", ViolationKind.Conflict);

    [Fact]
    public void One_city_launches() =>
        OperationSpec.Create().Given(Approved)
            .When(new Launch(OperationId, "Chief Wang", Shanghai))
            .Then(new CityLaunched(OperationId, Shanghai, "Chief Wang", Now));

    [Fact]
    public void All_cities_launch_at_once_in_code_order() =>
        OperationSpec.Create().Given(Approved)
            .When(new Launch(OperationId, "Chief Wang"))
            .Then(
                new CityLaunched(OperationId, Shanghai, "Chief Wang", Now),
                new CityLaunched(OperationId, Zhengzhou, "Chief Wang", Now));

    [Fact]
    public void Launching_all_skips_cities_already_launched() =>
        OperationSpec.Create().Given(ZhengzhouLaunched)
            .When(new Launch(OperationId, "Chief Wang"))
            .Then(new CityLaunched(OperationId, Shanghai, "Chief Wang", Now));

    [Fact]
    public void A_city_cannot_launch_twice() =>
        OperationSpec.Create().Given(ZhengzhouLaunched)
            .When(new Launch(OperationId, "Chief Wang", Zhengzhou))
            .ThenFails("operation.city-already-launched", ViolationKind.Conflict);

    [Fact]
    public void Launching_all_when_all_have_launched_conflicts() =>
        OperationSpec.Create().Given([.. ZhengzhouLaunched, new CityLaunched(OperationId, Shanghai, "Chief Wang", Now)])
            .When(new Launch(OperationId, "Chief Wang"))
            .ThenFails("operation.city-already-launched", ViolationKind.Conflict);

    [Fact]
    public void Launching_an_unknown_city_is_invalid() =>
        OperationSpec.Create().Given(Approved)
            .When(new Launch(OperationId, "Chief Wang", "GZ"))
            .ThenFails("operation.unknown-city", ViolationKind.Invalid);

    [Fact]
    public void A_launched_operation_concludes() =>
        OperationSpec.Create().Given(ZhengzhouLaunched)
            .When(new Conclude(OperationId, "Chief Wang", "82 detained"))
            .Then(new OperationConcluded(OperationId, "Chief Wang", "82 detained", Now));

    [Fact]
    public void Concluding_before_launch_conflicts() =>
        OperationSpec.Create().Given(Approved)
            .When(new Conclude(OperationId, "Chief Wang"))
            .ThenFails("operation.not-launched", ViolationKind.Conflict);

    [Fact]
    public void Nothing_changes_after_conclusion() =>
        OperationSpec.Create().Given([.. ZhengzhouLaunched, new OperationConcluded(OperationId, "Chief Wang", null, Now)])
            .When(new Launch(OperationId, "Chief Wang", Shanghai))
            .ThenFails("operation.concluded", ViolationKind.Conflict);
}
