using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RaidCommand.EventStore.Integrity;

namespace RaidCommand.Server.Audit.Integrity;

/// <summary>
/// The result of checking hash chains: the first broken link, or a signed summary of an intact record. The digest is
/// the SHA-256 of every checked stream's chain head ("stream:head" lines, sorted); <see cref="SignedText"/> is exactly
/// what <see cref="Signature"/> signs.
/// </summary>
public sealed record IntegritySummary(
    bool Intact,
    string Scope,
    long StreamsChecked,
    long EventsChecked,
    BrokenLink? FirstBrokenLink,
    string? HeadsDigest,
    DateTimeOffset VerifiedAt,
    string? SignedText,
    string? Signature,
    string KeyId)
{
    public static IntegritySummary Of(ChainVerification verification, string scope, IEnumerable<string> streams, DateTimeOffset now, IntegritySigner signer)
    {
        ArgumentNullException.ThrowIfNull(verification);
        ArgumentNullException.ThrowIfNull(signer);
        if (!verification.IsIntact)
        {
            return new IntegritySummary(false, scope, verification.StreamsChecked, verification.EventsChecked, verification.FirstBrokenLink, null, now, null, null, signer.KeyId);
        }

        var heads = streams.Order(StringComparer.Ordinal).Select(s => $"{s}:{verification.ChainHeads.GetValueOrDefault(s, "")}");
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', heads))));
        var text = string.Create(CultureInfo.InvariantCulture,
            $"raidcommand-integrity-v1\nscope={scope}\nstreams={verification.StreamsChecked}\nevents={verification.EventsChecked}\nheads-sha256={digest}\nverified-at={now:O}");
        return new IntegritySummary(true, scope, verification.StreamsChecked, verification.EventsChecked, null, digest, now, text, signer.Sign(text), signer.KeyId);
    }
}
