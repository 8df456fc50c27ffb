using System.Collections.Frozen;

namespace RaidCommand.Domain.Custody;

public enum CustodyDecision
{
    None,
    CriminallyDetained,
    BailedPendingTrial,
    Released,
    HandedOverToJurisdiction,
}

/// <summary>First event of a custody record; copies who/where/when from the site's <c>ArrestLogged</c>.</summary>
public sealed record PersonArrested(
    Guid PersonId,
    Guid OperationId,
    Guid SiteId,
    string CityCode,
    string? Name,
    string? LocalTag,
    string? IdentityDocumentNumber,
    Guid TeamId,
    DateTimeOffset OccurredAt);

public sealed record Questioned(Guid PersonId, string QuestionedBy, string Location, DateTimeOffset OccurredAt);

/// <summary>刑事拘留, naming the approving officer; the person is held at <see cref="Facility"/> in <see cref="CityCode"/>.</summary>
public sealed record CriminallyDetained(Guid PersonId, string ApprovingOfficer, string Facility, string CityCode, DateTimeOffset OccurredAt);

/// <summary>取保候审.</summary>
public sealed record BailedPendingTrial(Guid PersonId, string ApprovedBy, string? Conditions, DateTimeOffset OccurredAt);

public sealed record Released(Guid PersonId, string ReleasedBy, string Reason, DateTimeOffset OccurredAt);

public sealed record HandedOverToJurisdiction(Guid PersonId, string Jurisdiction, string ReceivingOfficer, DateTimeOffset OccurredAt);

/// <summary>The person is now held at a facility (location change outside a transfer).</summary>
public sealed record HeldAt(Guid PersonId, string Facility, string CityCode, DateTimeOffset OccurredAt);

/// <summary>The person boarded a detainee transfer (押解) in <see cref="OriginCity"/>.</summary>
public sealed record TransferBoarded(Guid PersonId, Guid TransferId, string OriginCity, DateTimeOffset OccurredAt);

public sealed record TransferArrived(Guid PersonId, Guid TransferId, string DestinationCity, DateTimeOffset OccurredAt);

public sealed record TransferHandedOver(
    Guid PersonId, Guid TransferId, string Facility, string ReceivingOfficer, string CityCode, DateTimeOffset OccurredAt);

/// <summary>Voids the current custody decision (never edited in place); a new decision may follow.</summary>
public sealed record CustodyDecisionCorrected(
    Guid PersonId, CustodyDecision VoidedDecision, string Reason, string CorrectedBy, DateTimeOffset OccurredAt);

public static class CustodyEvents
{
    /// <summary>Stable event type names for the event store. Never rename an entry.</summary>
    public static readonly IReadOnlyDictionary<Type, string> TypeNames = new Dictionary<Type, string>
    {
        [typeof(PersonArrested)] = "custody-person-arrested",
        [typeof(Questioned)] = "custody-questioned",
        [typeof(CriminallyDetained)] = "custody-criminally-detained",
        [typeof(BailedPendingTrial)] = "custody-bailed-pending-trial",
        [typeof(Released)] = "custody-released",
        [typeof(HandedOverToJurisdiction)] = "custody-handed-over-to-jurisdiction",
        [typeof(HeldAt)] = "custody-held-at",
        [typeof(TransferBoarded)] = "custody-transfer-boarded",
        [typeof(TransferArrived)] = "custody-transfer-arrived",
        [typeof(TransferHandedOver)] = "custody-transfer-handed-over",
        [typeof(CustodyDecisionCorrected)] = "custody-decision-corrected",
    }.ToFrozenDictionary();
}
