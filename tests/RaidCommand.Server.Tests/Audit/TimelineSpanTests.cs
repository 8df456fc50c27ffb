using RaidCommand.Server.Tests.Infrastructure;
using RaidCommand.Server.Tests.Security;

namespace RaidCommand.Server.Tests.Audit;

public sealed class TimelineSpanTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    [Fact]
    public async Task The_span_reaches_from_the_first_to_the_last_instant_of_the_timeline_on_each_clock_late_entries_included()
    {
        var raid = await SecuredRaid.CreateAsync(factory);
        var happenedLongBefore = DateTimeOffset.UtcNow.AddHours(-5);
        await raid.Raid.FieldCommandAsync(raid.OwnSite, "arrests", new { teamId = raid.OwnSite.TeamId, occurredAt = happenedLongBefore, name = "Logged five hours late" });
        var auditor = raid.Client(Caller.Auditor);

        var span = await auditor.GetJsonAsync($"{raid.Raid.OperationPath}/timeline/span");
        var entries = (await auditor.GetJsonAsync($"{raid.Raid.OperationPath}/timeline?limit=5000")).GetProperty("entries").EnumerateArray().ToList();

        var occurred = entries.Select(e => e.GetProperty("occurredAt").GetDateTimeOffset()).ToList();
        var recorded = entries.Select(e => e.GetProperty("recordedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(entries.Count, span.GetProperty("events").GetInt64());
        Assert.Equal(occurred.Min(), span.GetProperty("firstOccurredAt").GetDateTimeOffset());
        Assert.Equal(occurred.Max(), span.GetProperty("lastOccurredAt").GetDateTimeOffset());
        Assert.Equal(recorded.Min(), span.GetProperty("firstRecordedAt").GetDateTimeOffset());
        Assert.Equal(recorded.Max(), span.GetProperty("lastRecordedAt").GetDateTimeOffset());
        Assert.True((span.GetProperty("firstOccurredAt").GetDateTimeOffset() - happenedLongBefore).Duration() < TimeSpan.FromMilliseconds(1));
    }
}
