namespace RaidCommand.Server.Transfers.Arriving;

/// <summary>Arrival in the destination city with the headcount counted on arrival.</summary>
public sealed record ArriveTransferRequest(int Headcount, DateTimeOffset? OccurredAt);
