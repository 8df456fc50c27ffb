namespace RaidCommand.Server.Custody.Deciding;

/// <summary>Hand-over to another jurisdiction (移交), naming it and the officer who received the person.</summary>
public sealed record HandOverToJurisdictionRequest(string Jurisdiction, string ReceivingOfficer, DateTimeOffset? OccurredAt);
