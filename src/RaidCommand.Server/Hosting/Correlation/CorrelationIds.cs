namespace RaidCommand.Server.Hosting.Correlation;

/// <summary>How correlation ids travel and which ones a client may supply.</summary>
public static class CorrelationIds
{
    public const string HeaderName = "X-Correlation-Id";

    /// <summary>The log scope property every log line of a request carries.</summary>
    public const string LogPropertyName = "CorrelationId";

    private const int MaxLength = 128;

    public static string New() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// Client-supplied ids end up in logs and events, so only short ids of letters, digits and <c>-_.:</c> are taken;
    /// anything else is replaced by a fresh id rather than trusted.
    /// </summary>
    public static bool IsAcceptable(string? candidate) =>
        !string.IsNullOrEmpty(candidate)
        && candidate.Length <= MaxLength
        && candidate.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
