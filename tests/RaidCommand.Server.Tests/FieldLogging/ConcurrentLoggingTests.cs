using Npgsql;
using RaidCommand.Server.Tests.Api;
using RaidCommand.Server.Tests.Infrastructure;

namespace RaidCommand.Server.Tests.FieldLogging;

public sealed class ConcurrentLoggingTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    private const int SimultaneousArrests = 20;

    private readonly ApiClient _api = factory.CreateApiClient();

    private NpgsqlDataSource Database => factory.Database.DataSource;

    [Fact]
    public async Task Simultaneous_entries_on_one_site_are_all_kept()
    {
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(_api);
        var site = raid.Sites[1];
        var siteStream = $"site-{site.SiteId:N}";
        var before = await SiteVersion(siteStream);

        // Every phone decides on the same site version; all but one lose the append race and must decide again.
        var persons = await Task.WhenAll(Enumerable.Range(1, SimultaneousArrests).Select(n => raid.ArrestAsync(site, $"Suspect {n:D2}")));

        Assert.Equal(SimultaneousArrests, persons.Distinct().Count());
        Assert.Equal(before + SimultaneousArrests, await SiteVersion(siteStream));
        await using var custodyRecords = Database.CreateCommand("select count(*) from eventstore.streams where stream_id = any($1)");
        custodyRecords.Parameters.Add(new NpgsqlParameter { Value = persons.Select(p => $"person-{p:N}").ToArray() });
        Assert.Equal((long)SimultaneousArrests, await custodyRecords.ExecuteScalarAsync());
    }

    private async Task<long> SiteVersion(string stream)
    {
        await using var command = Database.CreateCommand("select coalesce(max(version), 0) from eventstore.streams where stream_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = stream });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
