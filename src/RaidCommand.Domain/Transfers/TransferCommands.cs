namespace RaidCommand.Domain.Transfers;

public abstract record TransferCommand(Guid TransferId);

public sealed record PlanTransfer(
    Guid TransferId,
    Guid OperationId,
    string OriginCity,
    string DestinationCity,
    TransferMode Mode,
    string VehicleOrFlight,
    Guid EscortTeamId,
    IReadOnlyList<Guid> Manifest,
    string PlannedBy)
    : TransferCommand(TransferId);

public sealed record BoardDetainees(Guid TransferId, IReadOnlyList<Guid> PersonIds, DateTimeOffset OccurredAt) : TransferCommand(TransferId);

public sealed record DepartTransfer(Guid TransferId, int Headcount, DateTimeOffset OccurredAt) : TransferCommand(TransferId);

public sealed record ReportCheckpoint(Guid TransferId, string Place, int Headcount, string? Note, DateTimeOffset OccurredAt)
    : TransferCommand(TransferId);

public sealed record ArriveTransfer(Guid TransferId, int Headcount, DateTimeOffset OccurredAt) : TransferCommand(TransferId);

public sealed record HandOverTransfer(
    Guid TransferId, string ReceivingFacility, string ReceivingOfficer, int Headcount, DateTimeOffset OccurredAt)
    : TransferCommand(TransferId);
