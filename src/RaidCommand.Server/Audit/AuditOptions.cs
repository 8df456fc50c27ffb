namespace RaidCommand.Server.Audit;

/// <summary>The "Audit" configuration section.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>An entry recorded this long after it says it happened is flagged as late.</summary>
    public TimeSpan LateEntryThreshold { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Events of an operation between two as-of snapshots of a view, per clock. A query folds at most about this many
    /// events on top of a snapshot; smaller means faster queries and more snapshots stored.
    /// </summary>
    public int SnapshotInterval { get; set; } = 500;

    /// <summary>The ECDSA P-256 key that signs integrity summaries; generated on first use, beside the embedded database by default.</summary>
    public string SigningKeyFile { get; set; } = ".data/audit/integrity-signing-key.pem";
}
