using Npgsql;
using RaidCommand.Testing;

namespace RaidCommand.EventStore.Tests.Projections;

public sealed class ProjectionLeadershipTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task One_of_two_runners_leads_and_the_other_takes_over_when_the_leader_dies()
    {
        using var test = await TestStore.CreateAsync(database.DataSource);
        var projection = await CountingProjection.CreateAsync(test);
        // Two "nodes", each with its own connection pool.
        await using var nodeA = NpgsqlDataSource.Create(database.ConnectionString);
        await using var nodeB = NpgsqlDataSource.Create(database.ConnectionString);
        var runnerA = test.Runner(projection, nodeA);
        var runnerB = test.Runner(projection, nodeB);
        using var stopA = new CancellationTokenSource();
        using var stopB = new CancellationTokenSource();
        var runningA = runnerA.RunAsync(stopA.Token);
        var runningB = runnerB.RunAsync(stopB.Token);

        await Eventually.True(() => Task.FromResult(runnerA.IsLeader || runnerB.IsLeader), "one runner leads");
        await Task.Delay(500); // Several leadership retries of the follower.
        Assert.True(runnerA.IsLeader ^ runnerB.IsLeader, "Exactly one runner may lead.");
        var (leader, follower, stopLeader, leaderRunning) = runnerA.IsLeader
            ? (runnerA, runnerB, stopA, runningA)
            : (runnerB, runnerA, stopB, runningB);

        await ProjectionRunnerTests.AppendMany(test, 100);
        await Eventually.True(() => ProjectionRunnerTests.ProjectedTotal(test, 100), "the leader projected the first events");

        // The leader's node dies: PostgreSQL ends its session (and with it the lock), and its process stops.
        Assert.Equal(1, await TerminateLockHolder(test));
        await stopLeader.CancelAsync();
        await leaderRunning;
        Assert.False(leader.IsLeader);

        await ProjectionRunnerTests.AppendMany(test, 100);
        await Eventually.True(() => Task.FromResult(follower.IsLeader), "the follower took over");
        await Eventually.True(() => ProjectionRunnerTests.ProjectedTotal(test, 200), "the new leader projected the rest, exactly once");

        await (runnerA == follower ? stopA : stopB).CancelAsync();
        await (runnerA == follower ? runningA : runningB);
        Assert.Equal(200, await test.ScalarAsync("select sum(events) from __schema__.counts"));
    }

    /// <summary>Ends the session holding this projection's leadership lock, as a crashed node's would end.</summary>
    private static Task<long> TerminateLockHolder(TestStore test) => test.ScalarAsync($"""
        select count(pg_terminate_backend(pid)) from pg_locks
         where locktype = 'advisory' and granted and objsubid = 2
           and database = (select oid from pg_database where datname = current_database())
           and classid = {0x52430001}
           and objid::bigint = (hashtext('{test.Schema}:counting')::bigint & 4294967295)
        """);
}
