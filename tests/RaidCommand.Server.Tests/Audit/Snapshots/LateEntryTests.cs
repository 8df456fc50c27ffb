using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RaidCommand.Server.Audit.AsOf;
using RaidCommand.Server.Tests.Api;
using RaidCommand.Server.Tests.Custody;
using RaidCommand.Server.Tests.Security;
using RaidCommand.Server.Tests.Transfers;

namespace RaidCommand.Server.Tests.Audit.Snapshots;

/// <summary>
/// As-of answers from snapshots against the full replay, over a raid with corrections, custody decisions voided and
/// remade, stated times out of order and tied, then an offline phone's entries stated in the middle of the raid, custody
/// steps stated before their arrest and transfer steps stated before their plan: before the snapshot projection has seen
/// them (the query must notice that the occurred-clock snapshots after their effective times are stale, and work out
/// those times from the stream clocks at the checkpoint) and after (the projection must have dropped and refolded those
/// snapshots).
/// </summary>
public sealed class LateEntryTests(PausedSnapshotsFactory factory) : IClassFixture<PausedSnapshotsFactory>
{
    [Fact]
    public async Task Snapshots_give_the_full_replays_answer_at_every_instant_before_and_after_entries_logged_late()
    {
        var raid = await SecuredRaid.CreateAsync(factory);
        var started = DateTimeOffset.UtcNow;
        var (tiedInstant, persons) = await LogRaidAsync(raid);
        await factory.CatchUpSnapshotsAsync();
        // Halfway to the last occurred-clock cut, not to the end of the logging: how the cuts fall in time depends on how
        // fast the machine logged, and the late entries below must land before at least one of them.
        var lastOccurredCut = await AsOfAgreement.LatestSnapshotInstantAsync(factory.Services, raid.Raid.OperationId, AuditClock.Occurred);
        var midRaid = started + ((lastOccurredCut - started) / 2);
        Assert.True(await AsOfAgreement.SnapshotCountAsync(factory.Services, raid.Raid.OperationId, AuditClock.Recorded) >= 5);
        Assert.True(await AsOfAgreement.SnapshotCountAsync(factory.Services, raid.Raid.OperationId, AuditClock.Occurred) >= 5);
        await AsOfAgreement.AssertSnapshotsAgreeWithFullReplayAsync(factory.Services, raid.Raid.OperationId);

        // An offline phone syncs: entries stated in the middle of the raid, one of them at the very instant of an earlier entry.
        var site = raid.OtherSite;
        await raid.Raid.FieldCommandAsync(site, "arrests", new { teamId = site.TeamId, occurredAt = midRaid, name = "Logged late" });
        await raid.Raid.FieldCommandAsync(site, "seizures", Seizure(site, midRaid, Guid.NewGuid(), 5));
        await raid.Raid.FieldCommandAsync(site, "freezes", Freeze(site, tiedInstant, Guid.NewGuid()));
        // A person arrested early, questioned in the middle of the raid and logged only now: counts from the middle.
        var commander = raid.Client(Caller.Commander);
        await commander.CommandAsync(CustodySteps.PersonPath(persons[2], "questioning"), new { questionedBy = "Inspector Sun", location = "Station", occurredAt = midRaid });
        // Steps stated before what they are about: they count from the arrest, and from the transfer's plan.
        var late = (await raid.Raid.FieldCommandAsync(site, "arrests", new { teamId = site.TeamId, occurredAt = DateTimeOffset.UtcNow, name = "Slow phone" })).CreatedId;
        await commander.CommandAsync(CustodySteps.PersonPath(late, "questioning"), new { questionedBy = "Inspector Sun", location = "On site", occurredAt = started });
        await commander.BoardAsync(raid.TransferId, [raid.PersonId]);
        Assert.True(await AsOfAgreement.SnapshotCountAsync(factory.Services, raid.Raid.OperationId, AuditClock.Occurred, midRaid) > 0,
            "The scenario must leave occurred-clock snapshots after the late entries, which the projection has not dropped yet.");
        await AsOfAgreement.AssertSnapshotsAgreeWithFullReplayAsync(factory.Services, raid.Raid.OperationId);

        await factory.CatchUpSnapshotsAsync();
        await AsOfAgreement.AssertSnapshotsAgreeWithFullReplayAsync(factory.Services, raid.Raid.OperationId);

        // Past the checkpoint again, some of them depending on stream clocks the projection stored: the den's standing, the person's.
        await commander.CommandAsync(CustodySteps.PersonPath(late, "detention"), new { approvingOfficer = "Deputy Director Ma", facility = "Zhengzhou No. 1", occurredAt = started });
        await commander.DepartAsync(raid.TransferId, 1);
        await raid.Raid.FieldCommandAsync(site, "seizures", Seizure(site, started, Guid.NewGuid(), 3));
        await AsOfAgreement.AssertSnapshotsAgreeWithFullReplayAsync(factory.Services, raid.Raid.OperationId);
        await factory.CatchUpSnapshotsAsync();
        await AsOfAgreement.AssertSnapshotsAgreeWithFullReplayAsync(factory.Services, raid.Raid.OperationId);
    }

    [Fact]
    public async Task A_late_entry_drops_the_occurred_snapshots_from_its_effective_time_not_from_its_stated_time()
    {
        var raid = await SecuredRaid.CreateAsync(factory);
        var started = DateTimeOffset.UtcNow;
        await LogRaidAsync(raid);
        await factory.CatchUpSnapshotsAsync();

        // Stated at the start of the raid on a site whose log has moved on since: it counts from the log's latest entry.
        var site = raid.OtherSite;
        var person = (await raid.Raid.FieldCommandAsync(site, "arrests", new { teamId = site.TeamId, occurredAt = started, name = "Behind the log" })).CreatedId;
        var timeline = await raid.Client(Caller.Auditor).GetJsonAsync($"{raid.Raid.OperationPath}/timeline?type=site-arrest-logged&person={person}");
        var effective = timeline.GetProperty("entries")[0].GetProperty("effectiveOccurredAt").GetDateTimeOffset();
        var kept = await AsOfAgreement.SnapshotRowsAsync(factory.Services, raid.Raid.OperationId, AuditClock.Occurred, started, effective);
        Assert.NotEmpty(kept);

        await factory.CatchUpSnapshotsAsync();

        Assert.Equal(kept, await AsOfAgreement.SnapshotRowsAsync(factory.Services, raid.Raid.OperationId, AuditClock.Occurred, started, effective));
        await AsOfAgreement.AssertSnapshotsAgreeWithFullReplayAsync(factory.Services, raid.Raid.OperationId);
    }

    [Fact]
    public async Task An_event_recorded_earlier_than_events_before_it_in_the_feed_is_in_the_recorded_cuts_it_belongs_to()
    {
        // Concurrent appends can take their recorded times in the other order than the feed's; made here by hand.
        var raid = await SecuredRaid.CreateAsync(factory);
        await LogRaidAsync(raid);
        await factory.CatchUpSnapshotsAsync();
        var events = await AsOfAgreement.EventsAsync(factory.Services, raid.Raid.OperationId);
        var early = events[events.Count / 3].RecordedAt;

        await raid.Raid.ArrestAsync(raid.OtherSite, "Recorded out of order, indexed");
        await SetLastRecordedAtAsync(early);
        await factory.CatchUpSnapshotsAsync();
        await raid.Raid.ArrestAsync(raid.OtherSite, "Recorded out of order, past the checkpoint");
        await SetLastRecordedAtAsync(early + TimeSpan.FromTicks(10));

        await AsOfAgreement.AssertSnapshotsAgreeWithFullReplayAsync(factory.Services, raid.Raid.OperationId);
    }

    /// <summary>Field entries and custody steps, each stated at the server's time; returns an instant shared by two entries, and the persons arrested.</summary>
    private static async Task<(DateTimeOffset Tied, List<Guid> Persons)> LogRaidAsync(SecuredRaid raid)
    {
        var commander = raid.Client(Caller.Commander);
        var (own, other) = (raid.OwnSite, raid.OtherSite);
        await raid.Raid.FieldCommandAsync(other, "breach", new { teamId = other.TeamId, occurredAt = DateTimeOffset.UtcNow });
        var persons = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var arrest = await raid.Raid.FieldCommandAsync(other, "arrests", new { teamId = other.TeamId, occurredAt = DateTimeOffset.UtcNow, name = $"Suspect {i}" });
            persons.Add(arrest.CreatedId);
        }

        var tied = DateTimeOffset.UtcNow;
        var seizureId = Guid.NewGuid();
        await raid.Raid.FieldCommandAsync(other, "seizures", Seizure(other, tied, seizureId, 40));
        await raid.Raid.FieldCommandAsync(other, "seizures", Seizure(other, tied, Guid.NewGuid(), 2));
        var freezeId = Guid.NewGuid();
        await raid.Raid.FieldCommandAsync(own, "freezes", Freeze(own, DateTimeOffset.UtcNow, freezeId));
        await raid.Raid.StopPaymentAsync(own, 9_000m, DateTimeOffset.UtcNow);
        await raid.Raid.StopPaymentAsync(own, 4_000m, tied - TimeSpan.FromMilliseconds(1));

        var corrections = raid.Raid.SitePath(other, "corrections");
        await commander.CommandAsync(corrections, new { entry = "seizure", entryId = seizureId, action = "amend", quantity = 38, reason = "Recount" });
        await commander.CommandAsync(raid.Raid.SitePath(own, "corrections"), new { entry = "freeze", entryId = freezeId, action = "void", reason = "Wrong account" });

        var steps = new (Guid Person, string Action, object Body)[]
        {
            (persons[0], "questioning", new { questionedBy = "Inspector Sun", location = "On site", occurredAt = DateTimeOffset.UtcNow }),
            (persons[0], "detention", new { approvingOfficer = "Deputy Director Ma", facility = "Zhengzhou No. 1", occurredAt = DateTimeOffset.UtcNow }),
            (persons[0], "corrections", new { reason = "Approval was for another person", occurredAt = DateTimeOffset.UtcNow }),
            (persons[0], "bail", new { approvedBy = "Deputy Director Ma", conditions = "Report weekly", occurredAt = DateTimeOffset.UtcNow }),
            (persons[1], "questioning", new { questionedBy = "Inspector Sun", location = "Station", occurredAt = DateTimeOffset.UtcNow }),
            (persons[1], "release", new { releasedBy = "Inspector Sun", reason = "Not involved", occurredAt = DateTimeOffset.UtcNow }),
        };
        foreach (var (person, action, body) in steps)
        {
            await commander.CommandAsync(CustodySteps.PersonPath(person, action), body);
        }

        await raid.Raid.FieldCommandAsync(other, "secure", new { teamId = other.TeamId, occurredAt = DateTimeOffset.UtcNow });
        return (tied, persons);
    }

    private static object Seizure(StaffedSite site, DateTimeOffset at, Guid seizureId, int quantity) => new
    {
        teamId = site.TeamId, occurredAt = at, seizureId, category = "Phone", quantity, description = "Phones", identifiers = Array.Empty<string>(), storageLocation = "Room 2",
    };

    private static object Freeze(StaffedSite site, DateTimeOffset at, Guid freezeId) => new
    {
        teamId = site.TeamId, occurredAt = at, freezeId, accountHolder = "Chen Ming", bank = "ICBC", accountNumber = "6222 0000 1111 2222",
        amount = new { amount = 50_000m, currency = "CNY" }, freezeOrderReference = "FO-2026-002",
    };

    private async Task SetLastRecordedAtAsync(DateTimeOffset recordedAt)
    {
        await using var command = factory.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "update eventstore.events set recorded_at = $1 where global_position = (select max(global_position) from eventstore.events)");
        command.Parameters.Add(new NpgsqlParameter { Value = recordedAt.ToUniversalTime() });
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
