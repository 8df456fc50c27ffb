namespace RaidCommand.Server.Audit;

/// <summary>The "Audit" configuration section.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>An entry recorded this long after it says it happened is flagged as late.</summary>
    public TimeSpan LateEntryThreshold { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The ECDSA P-256 key that signs integrity summaries; generated on first use, beside the embedded database by default.</summary>
    public string SigningKeyFile { get; set; } = ".data/audit/integrity-signing-key.pem";
}
