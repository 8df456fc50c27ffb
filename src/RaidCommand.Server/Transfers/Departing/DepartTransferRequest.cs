namespace RaidCommand.Server.Transfers.Departing;

/// <summary>The departure with the headcount counted aboard.</summary>
public sealed record DepartTransferRequest(int Headcount, DateTimeOffset? OccurredAt);
