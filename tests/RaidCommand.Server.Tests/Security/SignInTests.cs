using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using RaidCommand.Server.Tests.Infrastructure;

namespace RaidCommand.Server.Tests.Security;

public sealed class SignInTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    [Fact]
    public async Task Signing_in_returns_a_token_the_account_and_its_roles()
    {
        var commander = factory.CreateApiClient(new TestAccount("li.qiang", "commander"));
        var userId = await commander.UserIdAsync();
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = "li.qiang", password = "li.qiang-Pa55word!", deviceId = "phone-7" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(3, body.RootElement.GetProperty("accessToken").GetString()!.Split('.').Length);
        Assert.True(body.RootElement.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(1));
        Assert.Equal(userId, body.RootElement.GetProperty("user").GetProperty("id").GetGuid());
        Assert.Equal(["commander"], body.RootElement.GetProperty("user").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_failure_says_nothing_about_whether_the_account_exists()
    {
        await factory.CreateApiClient(new TestAccount("zhou.min", "auditor")).UserIdAsync();
        using var client = factory.CreateClient();

        using var wrongPassword = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = "zhou.min", password = "not-the-password", deviceId = "d" });
        using var unknownUser = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = "nobody.here", password = "not-the-password", deviceId = "d" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownUser.StatusCode);
        Assert.Equal(Detail(await wrongPassword.Content.ReadAsStringAsync()), Detail(await unknownUser.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_deactivated_account_cannot_sign_in_and_its_tokens_stop_working_at_once()
    {
        var officer = factory.CreateApiClient(new TestAccount("gao.yu", "field-officer"));
        var userId = await officer.UserIdAsync();
        var admin = factory.CreateApiClient(TestAccounts.Administrator);

        await admin.CommandAsync($"/api/accounts/{userId}/deactivation", new { reason = "Left the unit" });

        using var withOldToken = await officer.Http.GetAsync(new Uri("/api/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, withOldToken.StatusCode);
        using var client = factory.CreateClient();
        using var signIn = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = "gao.yu", password = officer.Account.Password, deviceId = "d" });
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
    }

    [Fact]
    public async Task Missing_fields_are_a_400()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = "admin", password = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Repeated_failures_throttle_the_name_even_with_the_right_password_then()
    {
        var target = new TestAccount("tang.jie", "commander");
        await factory.CreateApiClient(target).UserIdAsync();
        using var client = factory.CreateClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var failed = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = "tang.jie", password = $"guess-{attempt}", deviceId = "d" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var throttled = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = "tang.jie", password = target.Password, deviceId = "d" });
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(throttled.Headers.RetryAfter is not null);
        using var otherName = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = "admin", password = TestAccounts.AdministratorPassword, deviceId = "d" });
        Assert.Equal(HttpStatusCode.OK, otherName.StatusCode);
    }

    [Fact]
    public async Task Too_many_attempts_from_one_client_are_refused_whatever_the_names()
    {
        await using var strict = factory.WithWebHostBuilder(builder => builder.UseSetting("Auth:SignInsPerMinutePerClient", "3"));
        using var client = strict.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var response = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = $"spray-{attempt}", password = "Winter2026!", deviceId = "d" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    private static string? Detail(string problem)
    {
        using var document = JsonDocument.Parse(problem);
        return document.RootElement.GetProperty("detail").GetString();
    }
}
