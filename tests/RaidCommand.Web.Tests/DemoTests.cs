using Microsoft.Extensions.Logging.Abstractions;
using RaidCommand.Server.Demo;
using RaidCommand.Web.Tests.Infrastructure;

namespace RaidCommand.Web.Tests;

/// <summary>The demo's field teams, compressed into seconds, leave the board with every den dismantled and every suspect counted.</summary>
public sealed class DemoTests(WebTestFixture fixture) : IClassFixture<WebTestFixture>
{
    [Fact]
    public async Task The_simulated_field_teams_dismantle_every_den_through_the_api()
    {
        var raid = await fixture.LaunchedRaidAsync("demo");
        var officers = new Dictionary<string, RaidApiClient>();
        foreach (var site in raid.Operation.Sites)
        {
            officers[site.OfficerUserName] = await fixture.Server.Anonymous.SignInAsync(site.OfficerUserName, DemoRaid.OfficerPassword, "demo-phone");
        }

        await new DemoFieldActivity(raid.Commander, officers, raid.Operation, NullLogger.Instance).RunAsync(TimeSpan.FromSeconds(3), CancellationToken.None);

        var expectedArrests = raid.Operation.Sites.Sum(site => site.ExpectedHeadcount);
        Assert.Equal(expectedArrests, await EventLog.CountAsync(fixture.Server.Database, "site-arrest-logged"));
        Assert.Equal(raid.Operation.Sites.Count, await EventLog.CountAsync(fixture.Server.Database, "site-dismantled"));
        Assert.Equal(2 * raid.Operation.Sites.Count, await EventLog.CountAsync(fixture.Server.Database, "site-asset-frozen"));
        Assert.Equal(1, await EventLog.CountAsync(fixture.Server.Database, "transfer-departed"));
        Assert.Equal(1, await EventLog.CountAsync(fixture.Server.Database, "transfer-headcount-mismatch-detected"));
        Assert.Equal(4, await EventLog.CountAsync(fixture.Server.Database, "custody-criminally-detained"));
    }
}
