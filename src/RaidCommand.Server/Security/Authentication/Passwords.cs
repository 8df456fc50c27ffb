using Microsoft.AspNetCore.Identity;
using RaidCommand.Domain.Common;

namespace RaidCommand.Server.Security.Authentication;

/// <summary>ASP.NET Core Identity's password hasher (PBKDF2 with a per-password salt), plus the minimum length we accept.</summary>
public static class Passwords
{
    public const int MinimumLength = 12;

    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object User = new();

    // Verified against when the user name is unknown, so that an unknown name costs as long as a wrong password.
    private static readonly string DecoyHash = Hasher.HashPassword(User, Guid.NewGuid().ToString());

    public static string Hash(string password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
        {
            throw DomainRuleViolation.Invalid("account.weak-password", $"A password has at least {MinimumLength} characters.");
        }

        return Hasher.HashPassword(User, password);
    }

    public static bool Verify(string? hash, string password) =>
        Hasher.VerifyHashedPassword(User, hash ?? DecoyHash, password ?? "") != PasswordVerificationResult.Failed && hash is not null;
}
