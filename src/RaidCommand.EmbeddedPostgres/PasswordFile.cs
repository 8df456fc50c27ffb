using System.Security.Cryptography;

namespace RaidCommand.EmbeddedPostgres;

/// <summary>The generated superuser password, kept beside the cluster readable by its owner only.</summary>
internal static class PasswordFile
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static string? TryRead(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : null;

    public static string Create(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The embedded PostgreSQL cluster runs on Linux only.");
        }

        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = OwnerReadWrite };
        using (var writer = new StreamWriter(path, options))
        {
            writer.Write(password);
        }

        // UnixCreateMode only applies to new files; a file that already existed keeps its mode unless we set it.
        File.SetUnixFileMode(path, OwnerReadWrite);
        return password;
    }
}
