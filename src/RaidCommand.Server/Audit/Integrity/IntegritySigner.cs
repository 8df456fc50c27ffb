using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace RaidCommand.Server.Audit.Integrity;

/// <summary>
/// Signs integrity summaries with an ECDSA P-256 key kept in a file only the server can read (generated on first
/// use). The public key is published, so a prosecutor can check a printed or exported summary offline, e.g.
/// <c>openssl dgst -sha256 -verify public.pem -signature summary.sig summary.txt</c>.
/// </summary>
public sealed class IntegritySigner : IDisposable
{
    private readonly ECDsa _key;

    public IntegritySigner(IOptions<AuditOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var path = Path.GetFullPath(options.Value.SigningKeyFile, environment.ContentRootPath);
        _key = ECDsa.Create();
        if (File.Exists(path))
        {
            _key.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            _key.GenerateKey(ECCurve.NamedCurves.nistP256);
            Save(path, _key.ExportPkcs8PrivateKeyPem());
        }

        PublicKeyPem = _key.ExportSubjectPublicKeyInfoPem();
        KeyId = Convert.ToHexStringLower(SHA256.HashData(_key.ExportSubjectPublicKeyInfo()))[..16];
    }

    public string PublicKeyPem { get; }

    /// <summary>The first 16 hex digits of the SHA-256 of the public key, printed with every signature.</summary>
    public string KeyId { get; }

    /// <summary>A DER (RFC 3279) signature of the UTF-8 text over SHA-256, base64: the form openssl verifies.</summary>
    public string Sign(string text) =>
        Convert.ToBase64String(_key.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

    public void Dispose() => _key.Dispose();

    private static void Save(string path, string pem)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, file);
        writer.Write(pem);
    }
}
