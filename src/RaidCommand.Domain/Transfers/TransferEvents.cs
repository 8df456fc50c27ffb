using System.Collections.Frozen;

namespace RaidCommand.Domain.Transfers;

public enum TransferMode
{
    Road,
    Rail,
    Air,
    Other,
}

public enum TransferStage
{
    Boarding,
    Departure,
    Checkpoint,
    Arrival,
    HandOver,
}

/// <summary>A detainee transfer (押解), e.g. 82 persons from Zhengzhou to Lanzhou.</summary>
public sealed record TransferPlanned(
    Guid TransferId,
    Guid OperationId,
    string OriginCity,
    string DestinationCity,
    TransferMode Mode,
    string VehicleOrFlight,
    Guid EscortTeamId,
    IReadOnlyList<Guid> Manifest,
    string PlannedBy,
    DateTimeOffset PlannedAt);

public sealed record DetaineesBoarded(Guid TransferId, IReadOnlyList<Guid> PersonIds, DateTimeOffset OccurredAt);

public sealed record TransferDeparted(Guid TransferId, int Headcount, DateTimeOffset OccurredAt);

public sealed record CheckpointReported(Guid TransferId, string Place, int Headcount, string? Note, DateTimeOffset OccurredAt);

public sealed record TransferReachedDestination(Guid TransferId, int Headcount, DateTimeOffset OccurredAt);

/// <summary>The escort handed the boarded persons (<see cref="PersonIds"/>) to the receiving facility.</summary>
public sealed record DetaineesHandedOver(
    Guid TransferId, string ReceivingFacility, string ReceivingOfficer, int Headcount, IReadOnlyList<Guid> PersonIds, DateTimeOffset OccurredAt);

/// <summary>An alert: a counted headcount did not reconcile. The count itself is still recorded by the step's event.</summary>
public sealed record HeadcountMismatchDetected(
    Guid TransferId, TransferStage Stage, int Expected, int Actual, DateTimeOffset OccurredAt);

public static class TransferEvents
{
    /// <summary>Stable event type names for the event store. Never rename an entry.</summary>
    public static readonly IReadOnlyDictionary<Type, string> TypeNames = new Dictionary<Type, string>
    {
        [typeof(TransferPlanned)] = "transfer-planned",
        [typeof(DetaineesBoarded)] = "transfer-detainees-boarded",
        [typeof(TransferDeparted)] = "transfer-departed",
        [typeof(CheckpointReported)] = "transfer-checkpoint-reported",
        [typeof(TransferReachedDestination)] = "transfer-reached-destination",
        [typeof(DetaineesHandedOver)] = "transfer-detainees-handed-over",
        [typeof(HeadcountMismatchDetected)] = "transfer-headcount-mismatch-detected",
    }.ToFrozenDictionary();
}
