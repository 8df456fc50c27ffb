using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RaidCommand.Server.Board;
using RaidCommand.Server.Custody.Reading;
using RaidCommand.Server.EventSourcing;
using RaidCommand.Server.Hosting;
using RaidCommand.Server.Tests.Api;
using RaidCommand.Server.Tests.Custody;
using RaidCommand.Server.Tests.Infrastructure;

namespace RaidCommand.Server.Tests.ReadModels;

/// <summary>A read model folded by another version of its code is rebuilt from the log at start; the others are left alone.</summary>
public sealed class ReadModelVersionTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    [Fact]
    public async Task A_table_stamped_with_another_fold_version_is_rebuilt_and_only_that_one()
    {
        var api = factory.CreateApiClient();
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(api);
        var person = await raid.ArrestAsync(raid.Sites[0], "Liu Yang");
        var detained = await api.QuestionAndDetainAsync(person);
        var title = (await api.GetJsonAsync($"{raid.OperationPath}/board?after={detained.Position}")).GetProperty("title").GetString();
        await api.CustodyRecordAsync(person, detained.Position!);

        // An older build's rows: wrong in a way only a replay repairs, and stamped with a version this code does not fold.
        await ExecuteAsync($"update readmodels.{OperationBoardProjection.TableName} set data = jsonb_set(data, '{{title}}', '\"stale\"')");
        await ExecuteAsync($"comment on table readmodels.{OperationBoardProjection.TableName} is 'r0-0123456789abcdef'");
        // Wrong as well, but stamped with this code's version: a start must not touch it.
        await ExecuteAsync($"update readmodels.{CustodyRecordProjection.TableName} set data = jsonb_set(data, '{{name}}', '\"untouched\"')");
        var schema = factory.Services.GetServices<IDatabaseSchema>().OfType<ReadModelDatabaseSchema>().Single();
        Assert.False(await schema.IsUpToDateAsync(CancellationToken.None));

        await schema.MigrateAsync(CancellationToken.None);

        Assert.True(await schema.IsUpToDateAsync(CancellationToken.None));
        var board = await api.GetJsonAsync($"{raid.OperationPath}/board?after={detained.Position}");
        Assert.Equal(title, board.GetProperty("title").GetString());
        Assert.Equal(1, board.GetProperty("totals").GetProperty("criminalDetentions").GetInt32());
        var record = await api.CustodyRecordAsync(person, detained.Position!);
        Assert.Equal("untouched", record.GetProperty("name").GetString());
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = factory.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
