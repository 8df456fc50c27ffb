using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using RaidCommand.Server.Tests.Infrastructure;

namespace RaidCommand.Server.Tests.Security;

/// <summary>With Auth:Authority set, tokens come from the force's OpenID Connect provider and name accounts by user name.</summary>
public sealed class ExternalAuthorityTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>, IAsyncLifetime
{
    private readonly FakeOidcAuthority _authority = new();

    public Task InitializeAsync() => _authority.StartAsync();

    public Task DisposeAsync() => _authority.DisposeAsync().AsTask();

    [Fact]
    public async Task The_providers_tokens_act_as_the_account_of_the_same_user_name_and_ours_are_refused()
    {
        await using var external = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Auth:Authority", _authority.Issuer)
            .UseSetting("Auth:RequireHttpsMetadata", "false"));
        using var client = external.CreateClient();

        // The first administrator exists in both worlds under the same name.
        using var register = Request(HttpMethod.Post, "/api/accounts", _authority.TokenFor("admin"));
        register.Content = JsonContent.Create(new { userName = "sso.user", displayName = "SSO User", password = "unused-but-required-1", roles = new[] { "commander" } });
        register.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var registered = await client.SendAsync(register);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        using var me = await client.SendAsync(Request(HttpMethod.Get, "/api/me", _authority.TokenFor("sso.user")));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("\"userName\":\"sso.user\"", await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var unknown = await client.SendAsync(Request(HttpMethod.Get, "/api/me", _authority.TokenFor("not.registered")));
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        using var wrongAudience = await client.SendAsync(Request(HttpMethod.Get, "/api/me", _authority.TokenFor("sso.user", audience: "other")));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAudience.StatusCode);

        using var anonymous = factory.CreateClient();
        var ours = await TestAccounts.SignInAsync(anonymous, TestAccounts.Administrator);
        using var withOurs = await client.SendAsync(Request(HttpMethod.Get, "/api/me", ours.Token));
        Assert.Equal(HttpStatusCode.Unauthorized, withOurs.StatusCode);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
