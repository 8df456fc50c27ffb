using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RaidCommand.Server.Tests.Infrastructure;

/// <summary>An account a test signs in as; created on first use through the real account API.</summary>
public sealed record TestAccount(string UserName, params string[] Roles)
{
    public string Password => $"{UserName}-Pa55word!";
}

public static class TestAccounts
{
    /// <summary>The administrator the server creates on first start (its password comes from the factory's configuration).</summary>
    public static readonly TestAccount Administrator = new("admin", "administrator");

    /// <summary>The default caller of the API tests: a commander, who becomes commander of every operation they open.</summary>
    public static readonly TestAccount Commander = new("officer-wang", "commander");

    public const string AdministratorPassword = "admin-test-Pa55word!";

    /// <summary>Signs in, registering the account first (as the administrator) when it does not exist yet.</summary>
    public static async Task<SignedIn> SignInAsync(HttpClient anonymous, TestAccount account, string deviceId = "test-device")
    {
        ArgumentNullException.ThrowIfNull(anonymous);
        ArgumentNullException.ThrowIfNull(account);
        if (account == Administrator)
        {
            return await SignInAsync(anonymous, account.UserName, AdministratorPassword, deviceId);
        }

        var first = await TrySignInAsync(anonymous, account.UserName, account.Password, deviceId);
        if (first is not null)
        {
            return first;
        }

        var admin = await SignInAsync(anonymous, Administrator);
        using var register = new HttpRequestMessage(HttpMethod.Post, "/api/accounts")
        {
            Content = JsonContent.Create(new { userName = account.UserName, displayName = account.UserName, password = account.Password, roles = account.Roles }),
        };
        register.Headers.Authorization = new("Bearer", admin.Token);
        register.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var registered = await anonymous.SendAsync(register);
        if (registered.StatusCode != HttpStatusCode.Created && registered.StatusCode != HttpStatusCode.Conflict)
        {
            throw new InvalidOperationException($"Registering {account.UserName} answered {(int)registered.StatusCode}: {await registered.Content.ReadAsStringAsync()}");
        }

        return await SignInAsync(anonymous, account.UserName, account.Password, deviceId);
    }

    public static async Task<SignedIn> SignInAsync(HttpClient anonymous, string userName, string password, string deviceId = "test-device") =>
        await TrySignInAsync(anonymous, userName, password, deviceId) ?? throw new InvalidOperationException($"{userName} could not sign in.");

    private static async Task<SignedIn?> TrySignInAsync(HttpClient anonymous, string userName, string password, string deviceId)
    {
        using var response = await anonymous.PostAsJsonAsync("/api/auth/sign-in", new { userName, password, deviceId });
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var user = body.RootElement.GetProperty("user");
        return new SignedIn(body.RootElement.GetProperty("accessToken").GetString()!, user.GetProperty("id").GetGuid(), user.GetProperty("userName").GetString()!);
    }
}

public sealed record SignedIn(string Token, Guid UserId, string UserName);
