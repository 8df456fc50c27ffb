using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace RaidCommand.Server.Security.Authentication;

/// <summary>
/// The key this server signs its tokens with: configured (a deployment's secret store), or generated once and kept
/// in a file only the server's user can read, beside the embedded database. Never in the repository.
/// </summary>
public static class SigningKeys
{
    private const int KeyBytes = 32;

    public static SymmetricSecurityKey Load(AuthOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            var configured = Convert.FromBase64String(options.SigningKey);
            return configured.Length >= KeyBytes
                ? new SymmetricSecurityKey(configured)
                : throw new InvalidOperationException($"Auth:SigningKey must be at least {KeyBytes} bytes of base64.");
        }

        var path = Path.GetFullPath(options.SigningKeyFile, contentRoot);
        return new SymmetricSecurityKey(File.Exists(path) ? Convert.FromBase64String(File.ReadAllText(path).Trim()) : Generate(path));
    }

    private static byte[] Generate(string path)
    {
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, file))
        {
            writer.Write(Convert.ToBase64String(key));
        }

        return key;
    }
}
