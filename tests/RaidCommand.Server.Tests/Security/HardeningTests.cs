using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using RaidCommand.Server.Tests.Api;
using RaidCommand.Server.Tests.Infrastructure;

namespace RaidCommand.Server.Tests.Security;

public sealed class HardeningTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    [Fact]
    public async Task Responses_carry_the_security_headers_and_api_answers_are_not_cached()
    {
        var api = factory.CreateApiClient();

        using var response = await api.Http.GetAsync(new Uri("/api/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Writes_beyond_the_per_user_budget_are_throttled_with_a_problem()
    {
        await using var strict = factory.WithWebHostBuilder(builder => builder.UseSetting("Auth:WritesPerMinutePerUser", "2"));
        var handler = new BearerTokenHandler(() => strict.CreateClient(), TestAccounts.Commander);
        var api = new ApiClient(strict.CreateDefaultClient(handler), handler);

        var statuses = new List<HttpStatusCode>();
        for (var write = 0; write < 3; write++)
        {
            using var response = await api.PostAsync("/api/operations", new { });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Requests_without_a_token_are_401_problems_that_say_how_to_sign_in()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/operations", UriKind.Relative));

        await Refusal.ProblemAsync(response, HttpStatusCode.Unauthorized, "auth.sign-in-required");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }
}
