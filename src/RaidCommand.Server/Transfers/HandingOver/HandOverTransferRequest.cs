namespace RaidCommand.Server.Transfers.HandingOver;

/// <summary>The escort hands the detainees to the receiving facility (e.g. Lanzhou detention centre), counting them.</summary>
public sealed record HandOverTransferRequest(string ReceivingFacility, string ReceivingOfficer, int Headcount, DateTimeOffset? OccurredAt);
