using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RaidCommand.Server.Audit.AsOf;
using RaidCommand.Server.Tests.Api;
using RaidCommand.Server.Tests.Custody;
using RaidCommand.Server.Tests.Security;

namespace RaidCommand.Server.Tests.Audit.Snapshots;

/// <summary>
/// As-of answers from snapshots against the full replay, over a raid with corrections, custody decisions voided and
/// remade, stated times out of order and tied, then an offline phone's entries stated in the middle of the raid: before
/// the snapshot projection has seen them (the query must notice that the occurred-clock snapshots after them are
/// stale) and after (the projection must have dropped and refolded those snapshots).
/// </summary>
public sealed class LateEntryTests(PausedSnapshotsFactory factory) : IClassFixture<PausedSnapshotsFactory>
{
    [Fact]
    public async Task Snapshots_give_the_full_replays_answer_at_every_instant_before_and_after_entries_logged_late()
    {
        var raid = await SecuredRaid.CreateAsync(factory);
        var started = DateTimeOffset.UtcNow;
        var tiedInstant = await LogRaidAsync(raid);
        var midRaid = started + ((DateTimeOffset.UtcNow - started) / 2);
        await factory.CatchUpSnapshotsAsync();
        Assert.True(await AsOfAgreement.SnapshotCountAsync(factory.Services, raid.Raid.OperationId, AuditClock.Recorded) >= 5);
        Assert.True(await AsOfAgreement.SnapshotCountAsync(factory.Services, raid.Raid.OperationId, AuditClock.Occurred) >= 5);
        await AsOfAgreement.AssertSnapshotsAgreeWithFullReplayAsync(factory.Services, raid.Raid.OperationId);

        // An offline phone syncs: entries stated in the middle of the raid, one of them at the very instant of an earlier entry.
        var site = raid.OtherSite;
        await raid.Raid.FieldCommandAsync(site, "arrests", new { teamId = site.TeamId, occurredAt = midRaid, name = "Logged late" });
        await raid.Raid.FieldCommandAsync(site, "seizures", Seizure(site, midRaid, Guid.NewGuid(), 5));
        await raid.Raid.FieldCommandAsync(site, "freezes", Freeze(site, tiedInstant, Guid.NewGuid()));
        Assert.True(await AsOfAgreement.SnapshotCountAsync(factory.Services, raid.Raid.OperationId, AuditClock.Occurred, midRaid) > 0,
            "The scenario must leave occurred-clock snapshots after the late entries, which the projection has not dropped yet.");
        await AsOfAgreement.AssertSnapshotsAgreeWithFullReplayAsync(factory.Services, raid.Raid.OperationId);

        await factory.CatchUpSnapshotsAsync();
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

    /// <summary>Field entries and custody steps, each stated at the server's time; returns an instant shared by two entries.</summary>
    private static async Task<DateTimeOffset> LogRaidAsync(SecuredRaid raid)
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
        return tied;
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
