using System.Text.Json;
using RaidCommand.Server.Tests.Api;
using RaidCommand.Server.Tests.Custody;
using RaidCommand.Server.Tests.Infrastructure;
using RaidCommand.Server.Tests.Security;

namespace RaidCommand.Server.Tests.Audit;

public sealed class AsOfTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    [Fact]
    public async Task The_board_as_of_an_instant_on_the_recorded_clock_is_what_the_board_showed_then()
    {
        var raid = await SecuredRaid.CreateAsync(factory);
        var commander = raid.Client(Caller.Commander);
        var shown = new List<(DateTimeOffset At, string Board)>();
        var latest = raid.LastPosition;

        // The board read with ?after= the latest write holds everything recorded up to then, which is what the
        // recorded clock means; without it the capture could be a few milliseconds behind the log.
        async Task Capture()
        {
            var board = await commander.GetJsonAsync($"{raid.Raid.OperationPath}/board?after={latest}");
            shown.Add((DateTimeOffset.UtcNow, board.GetRawText()));
            await Task.Delay(20);
        }

        await Capture();
        await raid.Raid.BreachAsync(raid.OtherSite);
        latest = raid.Raid.LastPosition;
        await Capture();
        await raid.Raid.ArrestAsync(raid.OtherSite, "Second suspect");
        latest = raid.Raid.LastPosition;
        await Capture();
        await raid.Raid.SeizeAsync(raid.OtherSite, "HardDisk", 12);
        latest = raid.Raid.LastPosition;
        await Capture();

        foreach (var (at, board) in shown)
        {
            var asOf = await raid.Client(Caller.Auditor).GetJsonAsync($"{raid.Raid.OperationPath}/board/as-of?at={AsOfReads.Escape(at)}&clock=recorded");
            Assert.Equal(AsOfReads.Normalized(board), AsOfReads.Normalized(asOf.GetProperty("view").GetRawText()));
        }
    }

    [Fact]
    public async Task The_occurred_clock_counts_an_arrest_logged_late_from_when_it_happened()
    {
        // Logged on a site whose log has nothing later, so the arrest counts from its stated time (see EffectiveOccurredTimeTests).
        var raid = await SecuredRaid.CreateAsync(factory);
        var happened = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        var before = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        await raid.Raid.FieldCommandAsync(raid.OtherSite, "arrests", new { teamId = raid.OtherSite.TeamId, occurredAt = happened, name = "Caught earlier" });
        var auditor = raid.Client(Caller.Auditor);

        var knownThen = await auditor.GetJsonAsync($"{raid.Raid.OperationPath}/custody/as-of?at={AsOfReads.Escape(before)}&clock=recorded");
        var happenedBy = await auditor.GetJsonAsync($"{raid.Raid.OperationPath}/custody/as-of?at={AsOfReads.Escape(before)}&clock=occurred");
        var now = await auditor.GetJsonAsync($"{raid.Raid.OperationPath}/custody/as-of?at={AsOfReads.Escape(DateTimeOffset.UtcNow)}&clock=recorded");

        Assert.Equal(["Chen Ming"], Names(knownThen));
        Assert.Equal(["Chen Ming", "Caught earlier"], Names(happenedBy));
        Assert.Equal(2, now.GetProperty("view").GetArrayLength());
    }

    [Fact]
    public async Task A_persons_record_as_of_before_and_after_a_correction_shows_the_decision_then_its_voiding()
    {
        var raid = await SecuredRaid.CreateAsync(factory);
        var commander = raid.Client(Caller.Commander);
        var beforeCorrection = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        await commander.CommandAsync(CustodySteps.PersonPath(raid.PersonId, "corrections"), new { reason = "Approval was for another person" });
        var path = CustodySteps.PersonPath(raid.PersonId);

        var then = await raid.Client(Caller.Auditor).GetJsonAsync($"{path}/as-of?at={AsOfReads.Escape(beforeCorrection)}");
        var now = await raid.Client(Caller.Auditor).GetJsonAsync($"{path}/as-of?at={AsOfReads.Escape(DateTimeOffset.UtcNow)}");

        Assert.Equal("CriminallyDetained", then.GetProperty("view").GetProperty("status").GetString());
        Assert.NotEqual("CriminallyDetained", now.GetProperty("view").GetProperty("status").GetString());
        Assert.Contains(now.GetProperty("view").GetProperty("history").EnumerateArray(), h => h.GetProperty("voided").GetBoolean());
    }

    [Fact]
    public async Task An_instant_with_a_zone_offset_is_the_same_instant_as_in_utc()
    {
        var raid = await SecuredRaid.CreateAsync(factory);
        var at = DateTimeOffset.UtcNow;
        var auditor = raid.Client(Caller.Auditor);

        var inUtc = await auditor.GetJsonAsync($"{raid.Raid.OperationPath}/board/as-of?at={AsOfReads.Escape(at)}&clock=occurred");
        var inBeijing = await auditor.GetJsonAsync($"{raid.Raid.OperationPath}/board/as-of?at={AsOfReads.Escape(at.ToOffset(TimeSpan.FromHours(8)))}&clock=occurred");

        Assert.Equal(AsOfReads.Normalized(inUtc.GetProperty("view").GetRawText()), AsOfReads.Normalized(inBeijing.GetProperty("view").GetRawText()));
        Assert.Equal(inUtc.GetProperty("eventsApplied").GetInt32(), inBeijing.GetProperty("eventsApplied").GetInt32());
    }

    [Theory]
    [InlineData("at=yesterday")]
    [InlineData("at=2026-06-22T06:00:00%2B08:00&clock=sundial")]
    [InlineData("at=")]
    public async Task An_unreadable_instant_or_clock_is_a_400(string query)
    {
        var raid = await SecuredRaid.CreateAsync(factory);

        using var response = await raid.Client(Caller.Auditor).Http.GetAsync(new Uri($"{raid.Raid.OperationPath}/board/as-of?{query}", UriKind.Relative));

        await Api.Refusal.ProblemAsync(response, System.Net.HttpStatusCode.BadRequest);
    }

    private static IEnumerable<string?> Names(JsonElement register) => register.GetProperty("view").EnumerateArray().Select(p => p.GetProperty("name").GetString());
}
