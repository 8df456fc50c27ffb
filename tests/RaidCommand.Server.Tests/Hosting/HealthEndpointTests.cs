using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RaidCommand.Server.Hosting;
using RaidCommand.Server.Tests.Infrastructure;

namespace RaidCommand.Server.Tests.Hosting;

public sealed class HealthEndpointTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    [Fact]
    public async Task Live_is_healthy_while_the_process_is_up()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"status\":\"Healthy\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_is_healthy_when_the_database_answers_and_the_schema_is_up_to_date()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Contains("\"database\":{\"status\":\"Healthy\"}", body, StringComparison.Ordinal);
        Assert.Contains("\"schema\":{\"status\":\"Healthy\"}", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_is_unhealthy_while_a_schema_is_not_up_to_date_and_migration_ran_at_startup()
    {
        var outdated = new OutdatedSchema();
        await using var withOutdatedSchema = factory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<IDatabaseSchema>(outdated)));
        using var client = withOutdatedSchema.CreateClient();

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("OutdatedSchema", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, outdated.Migrations);
    }

    [Fact]
    public async Task The_server_uses_the_configured_test_database_instead_of_starting_its_own()
    {
        var dataSource = factory.Services.GetRequiredService<NpgsqlDataSource>();

        await using var command = dataSource.CreateCommand("select current_database()");

        Assert.Equal(factory.Database.Name, await command.ExecuteScalarAsync());
    }
}
