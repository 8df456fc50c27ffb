namespace RaidCommand.Server.Security;

/// <summary>The "Auth" configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Issuer of the tokens this server signs.</summary>
    public string Issuer { get; set; } = "raidcommand";

    /// <summary>Audience the API accepts; tokens for any other audience are refused.</summary>
    public string Audience { get; set; } = "raidcommand-api";

    /// <summary>Base64 HMAC-SHA256 key (at least 32 bytes). When empty, <see cref="SigningKeyFile"/> is used, and created if missing.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Where the generated signing key is kept when <see cref="SigningKey"/> is not set; beside the embedded database by default.</summary>
    public string SigningKeyFile { get; set; } = ".data/auth/jwt-signing-key";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>An external OpenID Connect authority (e.g. the force's identity provider). When set, it issues the tokens instead of this server.</summary>
    public string? Authority { get; set; }

    /// <summary>Claim of an external token holding the user name of the matching RaidCommand account.</summary>
    public string UserNameClaim { get; set; } = "preferred_username";

    /// <summary>Whether the external authority's metadata must be fetched over HTTPS (turn off only for a local test authority).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The administrator created on first start, when there is no account at all.</summary>
    public string AdministratorUserName { get; set; } = "admin";

    /// <summary>The first administrator's password; when empty one is generated and printed once to the console.</summary>
    public string? AdministratorPassword { get; set; }

    /// <summary>Sign-in attempts allowed per client address per minute.</summary>
    public int SignInsPerMinutePerClient { get; set; } = 30;

    /// <summary>Failed sign-ins for one user name, within <see cref="FailureWindow"/>, after which that name is throttled whatever the address.</summary>
    public int FailuresBeforeThrottle { get; set; } = 5;

    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Writes (POST) allowed per user per minute; field teams log in bursts, so this is generous.</summary>
    public int WritesPerMinutePerUser { get; set; } = 600;
}
