namespace RaidCommand.Server.FieldLogging.Correcting;

/// <param name="Entry">seizure, freeze or stop-payment.</param>
/// <param name="EntryId">The seizure, freeze or stop-payment id as logged.</param>
/// <param name="Action">void, or amend (seizures: a recounted quantity).</param>
public sealed record CorrectEntryRequest(string Entry, Guid EntryId, string Action, int? Quantity, string Reason);
