namespace RaidCommand.Server.Transfers.ReportingCheckpoints;

/// <summary>A checkpoint on the way (a service area, a transit airport) with the headcount counted there.</summary>
public sealed record ReportCheckpointRequest(string Place, int Headcount, string? Note, DateTimeOffset? OccurredAt);
