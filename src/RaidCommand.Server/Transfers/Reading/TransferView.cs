using System.Collections.Immutable;
using RaidCommand.Domain.Transfers;

namespace RaidCommand.Server.Transfers.Reading;

/// <summary>A detainee transfer (押解) as the command post follows it, folded by <see cref="TransferViewProjection"/>.</summary>
/// <param name="Headcounts">The count at each stage; null for a stage not reached.</param>
/// <param name="Alerts">Headcounts that did not reconcile, in the order detected.</param>
/// <param name="StreamVersion">The transfer stream's version the view reflects (its ETag, usable as If-Match).</param>
public sealed record TransferView(
    Guid TransferId,
    Guid OperationId,
    string OriginCity,
    string DestinationCity,
    TransferMode Mode,
    string VehicleOrFlight,
    Guid EscortTeamId,
    string PlannedBy,
    DateTimeOffset PlannedAt,
    TransferStatus Status,
    ImmutableList<Guid> Manifest,
    ImmutableList<Guid> Boarded,
    TransferHeadcounts Headcounts,
    ImmutableList<TransferCheckpoint> Checkpoints,
    ImmutableList<TransferAlert> Alerts,
    DateTimeOffset? DepartedAt,
    DateTimeOffset? ArrivedAt,
    DateTimeOffset? HandedOverAt,
    string? ReceivingFacility,
    string? ReceivingOfficer,
    long StreamVersion);

/// <param name="Checkpoints">The count at each checkpoint, in order.</param>
public sealed record TransferHeadcounts(int Manifest, int Boarded, int? Departure, ImmutableList<int> Checkpoints, int? Arrival, int? HandOver);

public sealed record TransferCheckpoint(string Place, int Headcount, string? Note, DateTimeOffset OccurredAt);

public sealed record TransferAlert(TransferStage Stage, int Expected, int Actual, DateTimeOffset OccurredAt);
