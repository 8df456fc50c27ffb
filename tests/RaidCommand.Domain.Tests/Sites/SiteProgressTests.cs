using RaidCommand.Domain.Common;
using RaidCommand.Domain.Operations;
using RaidCommand.Domain.Sites;
using static RaidCommand.Domain.Tests.Fixtures;

namespace RaidCommand.Domain.Tests.Sites;

public class SiteProgressTests
{
    private static readonly DateTimeOffset At = Now.AddMinutes(-50);

    private static SiteBreached Breached => new(OperationId, ZzSite, ZzTeam, At);

    private static SiteSecured Secured => new(OperationId, ZzSite, ZzTeam, At.AddMinutes(5));

    [Fact]
    public void A_launched_site_is_breached() =>
        SiteSpec.Create().When(new BreachSite(ZzSite, ZzTeam, At)).Then(Breached);

    [Fact]
    public void A_breached_site_is_secured() =>
        SiteSpec.Create().Given(Breached).When(new SecureSite(ZzSite, ZzTeam, At.AddMinutes(5))).Then(Secured);

    [Fact]
    public void A_secured_site_is_dismantled() =>
        SiteSpec.Create().Given(Breached, Secured)
            .When(new DismantleSite(ZzSite, ZzTeam, At.AddMinutes(40)))
            .Then(new SiteDismantled(OperationId, ZzSite, ZzTeam, At.AddMinutes(40)));

    [Fact]
    public void Securing_before_breach_conflicts() =>
        SiteSpec.Create().When(new SecureSite(ZzSite, ZzTeam, At)).ThenFails("site.not-breached", ViolationKind.Conflict);

    [Fact]
    public void Dismantling_before_securing_conflicts() =>
        SiteSpec.Create().Given(Breached).When(new DismantleSite(ZzSite, ZzTeam, At)).ThenFails("site.not-secured", ViolationKind.Conflict);

    [Fact]
    public void A_site_is_breached_once() =>
        SiteSpec.Create().Given(Breached).When(new BreachSite(ZzSite, ZzTeam, At)).ThenFails("site.already-breached", ViolationKind.Conflict);

    [Fact]
    public void Nothing_is_logged_before_the_city_launches() =>
        SiteSpec.Create(SiteContext.From(StateOf(Approved), ZzSite))
            .When(new BreachSite(ZzSite, ZzTeam, At))
            .ThenFails("site.not-launched", ViolationKind.Conflict);

    [Fact]
    public void A_city_that_has_not_launched_logs_nothing_even_when_another_has() =>
        SiteSpec.Create(SiteContext.From(StateOf(ZhengzhouLaunched), ShSite))
            .When(new BreachSite(ShSite, ShTeam, At))
            .ThenFails("site.not-launched", ViolationKind.Conflict);

    [Fact]
    public void A_team_not_assigned_to_the_site_is_invalid() =>
        SiteSpec.Create().When(new BreachSite(ZzSite, ShTeam, At)).ThenFails("site.team-not-assigned", ViolationKind.Invalid);

    [Fact]
    public void An_unknown_site_is_invalid()
    {
        var unknown = new Guid("10000000-0000-0000-0000-000000000404");
        SiteSpec.Create(SiteContext.From(StateOf(ZhengzhouLaunched), unknown))
            .When(new BreachSite(unknown, ZzTeam, At))
            .ThenFails("site.unknown", ViolationKind.Invalid);
    }

    [Fact]
    public void Nothing_is_logged_after_the_operation_concludes() =>
        SiteSpec.Create(SiteContext.From(StateOf([.. ZhengzhouLaunched, new OperationConcluded(OperationId, "Chief Wang", null, Now)]), ZzSite))
            .When(new BreachSite(ZzSite, ZzTeam, At))
            .ThenFails("site.operation-concluded", ViolationKind.Conflict);

    [Fact]
    public void Occurred_at_in_the_future_is_invalid() =>
        SiteSpec.Create().When(new BreachSite(ZzSite, ZzTeam, Now.AddMinutes(6))).ThenFails("time.occurred-at-in-future", ViolationKind.Invalid);

    [Fact]
    public void Occurred_at_within_the_clock_skew_tolerance_is_accepted() =>
        SiteSpec.Create().When(new BreachSite(ZzSite, ZzTeam, Now.AddMinutes(4)))
            .Then(new SiteBreached(OperationId, ZzSite, ZzTeam, Now.AddMinutes(4)));

    [Fact]
    public void A_context_derived_for_another_site_is_a_programming_error() =>
        Assert.Throws<ArgumentException>(() =>
            SiteDecider.Decide(new BreachSite(ShSite, ShTeam, At), SiteState.Initial, SiteSpec.Launched, Now));

    [Fact]
    public void The_context_reflects_the_operation()
    {
        var context = SiteSpec.Launched;

        Assert.True(context.SiteKnown);
        Assert.True(context.CityLaunched);
        Assert.Equal(Zhengzhou, context.CityCode);
        Assert.Equal([ZzTeam], context.AssignedTeamIds);
        Assert.False(context.OperationConcluded);
    }
}
