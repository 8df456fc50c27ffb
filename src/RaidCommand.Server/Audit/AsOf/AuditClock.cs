namespace RaidCommand.Server.Audit.AsOf;

/// <summary>The two clocks of the record.</summary>
public enum AuditClock
{
    /// <summary>What the command knew at the instant: events recorded by then, in the order they were recorded.</summary>
    Recorded,

    /// <summary>What had happened by the instant: events that occurred by then, in the order they occurred (feed order breaks ties), including entries logged later.</summary>
    Occurred,
}
