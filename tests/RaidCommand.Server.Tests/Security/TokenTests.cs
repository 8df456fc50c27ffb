using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RaidCommand.Server.Tests.Infrastructure;

namespace RaidCommand.Server.Tests.Security;

/// <summary>Only an unexpired token signed with the server's key, for its issuer and audience, naming an active account, is accepted.</summary>
public sealed class TokenTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    public static TheoryData<string> Forgeries => ["tampered", "expired", "wrong-audience", "wrong-issuer", "other-key", "unsigned", "unknown-account"];

    [Fact]
    public async Task A_token_made_like_the_servers_own_is_accepted()
    {
        var userId = await factory.CreateApiClient().UserIdAsync();

        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(Token(userId)));
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Forged_or_stale_tokens_are_refused(string forgery)
    {
        var userId = await factory.CreateApiClient().UserIdAsync();
        var token = forgery switch
        {
            "tampered" => Tamper(Token(userId)),
            "expired" => Token(userId, expires: DateTime.UtcNow.AddMinutes(-5)),
            "wrong-audience" => Token(userId, audience: "another-api"),
            "wrong-issuer" => Token(userId, issuer: "someone-else"),
            "other-key" => Token(userId, key: new SymmetricSecurityKey(new byte[32])),
            "unsigned" => new JsonWebTokenHandler().CreateToken(Descriptor(userId, "raidcommand", "raidcommand-api", DateTime.UtcNow.AddHours(1), null)),
            "unknown-account" => Token(Guid.NewGuid()),
            _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
        };

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(token));
    }

    private async Task<HttpStatusCode> StatusWithAsync(string token)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private string Token(Guid userId, string issuer = "raidcommand", string audience = "raidcommand-api", DateTime? expires = null, SecurityKey? key = null) =>
        new JsonWebTokenHandler().CreateToken(Descriptor(userId, issuer, audience, expires ?? DateTime.UtcNow.AddHours(1),
            new SigningCredentials(key ?? new SymmetricSecurityKey(Convert.FromBase64String(factory.SigningKey)), SecurityAlgorithms.HmacSha256)));

    private static SecurityTokenDescriptor Descriptor(Guid userId, string issuer, string audience, DateTime expires, SigningCredentials? credentials) => new()
    {
        Issuer = issuer,
        Audience = audience,
        NotBefore = expires.AddHours(-2),
        IssuedAt = expires.AddHours(-2),
        Expires = expires,
        Subject = new ClaimsIdentity([new Claim("sub", userId.ToString()), new Claim("device_id", "test")]),
        SigningCredentials = credentials,
    };

    // Swaps the payload for one naming another subject, keeping the original signature.
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"sub\":\"", "\"sub\":\"0", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }
}
