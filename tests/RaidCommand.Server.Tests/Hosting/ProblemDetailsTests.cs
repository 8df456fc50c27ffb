using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using RaidCommand.Server.Hosting.Correlation;
using RaidCommand.Server.Tests.Infrastructure;

namespace RaidCommand.Server.Tests.Hosting;

public sealed class ProblemDetailsTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    [Fact]
    public async Task Malformed_json_is_a_400_problem_details()
    {
        await using var probing = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(ProbeEndpoints.AddTo));
        using var client = probing.CreateClient();
        using var body = new StringContent("{\"text\": ", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri(ProbeEndpoints.EchoPath, UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(
            Assert.Single(response.Headers.GetValues(CorrelationIds.HeaderName)),
            problem.RootElement.GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task Well_formed_json_reaches_the_handler()
    {
        await using var probing = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(ProbeEndpoints.AddTo));
        using var client = probing.CreateClient();
        using var body = new StringContent("{\"text\":\"hello\"}", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri(ProbeEndpoints.EchoPath, UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("hello", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unhandled_exception_is_a_500_problem_details_that_hides_the_exception()
    {
        await using var probing = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(ProbeEndpoints.AddTo));
        using var client = probing.CreateClient();

        using var response = await client.GetAsync(new Uri(ProbeEndpoints.ThrowPath, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("probe failure", text, StringComparison.Ordinal);
        Assert.True(response.Headers.Contains(CorrelationIds.HeaderName));
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_problem_details()
    {
        var client = factory.CreateApiClient().Http;

        using var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
