using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using RaidCommand.Server.Hosting;
using RaidCommand.Server.Tests.Infrastructure;

namespace RaidCommand.Server.Tests.Hosting;

public sealed class RequestBodyLimitTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    [Fact]
    public async Task An_oversize_body_is_refused_with_413_problem_details_before_any_handler_runs()
    {
        await using var probing = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(ProbeEndpoints.AddTo));
        using var client = probing.CreateClient();
        var oversize = new string('x', (int)RequestBodyLimitMiddleware.DefaultMaxRequestBodyBytes + 1);
        using var body = new StringContent($"{{\"text\":\"{oversize}\"}}", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri(ProbeEndpoints.EchoPath, UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(413, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_body_within_the_limit_is_accepted()
    {
        await using var probing = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(ProbeEndpoints.AddTo));
        using var client = probing.CreateClient();
        using var body = new StringContent($"{{\"text\":\"{new string('x', 100_000)}\"}}", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri(ProbeEndpoints.EchoPath, UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
