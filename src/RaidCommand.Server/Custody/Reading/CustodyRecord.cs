using System.Collections.Immutable;
using RaidCommand.Domain.Custody;

namespace RaidCommand.Server.Custody.Reading;

/// <summary>Where a person stands now: awaiting questioning or a decision, decided, or on a transfer.</summary>
public enum CustodyStatus
{
    AwaitingQuestioning,
    AwaitingDecision,
    CriminallyDetained,
    BailedPendingTrial,
    Released,
    HandedOverToJurisdiction,
    InTransfer,
}

/// <summary>
/// One arrested person's custody record (羁押记录), folded from their custody stream by <see cref="CustodyRecordProjection"/>.
/// </summary>
/// <param name="ArrestCity">The city of the arrest; <see cref="Location"/> says where the person is now.</param>
/// <param name="Decision">The decision that stands; None after a correction until a new decision is made.</param>
/// <param name="History">Every questioning, decision, correction and move, in stream order; corrections void, never erase.</param>
/// <param name="StreamVersion">The custody stream's version the record reflects (its ETag, usable as If-Match).</param>
public sealed record CustodyRecord(
    Guid PersonId,
    Guid OperationId,
    Guid SiteId,
    Guid TeamId,
    string ArrestCity,
    string? Name,
    string? LocalTag,
    string? IdentityDocumentNumber,
    DateTimeOffset ArrestedAt,
    CustodyStatus Status,
    bool Questioned,
    CustodyDecision Decision,
    CustodyLocation Location,
    Guid? ActiveTransferId,
    ImmutableList<CustodyHistoryEntry> History,
    ImmutableList<CustodyTransferLeg> Transfers,
    long StreamVersion);

/// <param name="Facility">Null while not held at a facility (on site, on a transfer, or out of police hands).</param>
public sealed record CustodyLocation(string CityCode, string? Facility);

public enum CustodyEntryKind
{
    Arrested,
    Questioned,
    CriminallyDetained,
    BailedPendingTrial,
    Released,
    HandedOverToJurisdiction,
    HeldAt,
    TransferBoarded,
    TransferArrived,
    TransferHandedOver,
    DecisionCorrected,
}

/// <param name="By">The officer named by the event: questioner, approver, releaser, receiver or corrector.</param>
/// <param name="Detail">What else the event states: location, facility, conditions, reason, jurisdiction.</param>
/// <param name="Voided">For a decision: a later correction voided it.</param>
/// <param name="VoidedDecision">For a correction: the decision it voided.</param>
public sealed record CustodyHistoryEntry(
    CustodyEntryKind Kind,
    DateTimeOffset OccurredAt,
    string? By,
    string? Detail,
    string? CityCode,
    bool Voided,
    CustodyDecision? VoidedDecision,
    string ActorId);

/// <summary>One transfer (押解) the person was on.</summary>
public sealed record CustodyTransferLeg(
    Guid TransferId,
    string OriginCity,
    string? DestinationCity,
    DateTimeOffset BoardedAt,
    DateTimeOffset? ArrivedAt,
    DateTimeOffset? HandedOverAt,
    string? ReceivingFacility,
    string? ReceivingOfficer);
