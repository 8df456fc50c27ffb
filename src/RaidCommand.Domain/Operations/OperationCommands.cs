using RaidCommand.Domain.Common;

namespace RaidCommand.Domain.Operations;

public abstract record OperationCommand(Guid OperationId);

public sealed record OpenOperation(
    Guid OperationId, string CodeName, string Title, OriginCase OriginCase, CityRef HomeCity, string Commander)
    : OperationCommand(OperationId);

public sealed record AttachUnit(Guid OperationId, string UnitName, UnitKind Kind) : OperationCommand(OperationId);

public sealed record AddCity(Guid OperationId, string CityCode, string Name, string LocalCommander, string TimeZoneId)
    : OperationCommand(OperationId);

public sealed record RegisterSite(Guid OperationId, Guid SiteId, string CityCode, string Address, int ExpectedHeadcount, string? Notes)
    : OperationCommand(OperationId);

public sealed record FormTeam(Guid OperationId, Guid TeamId, string Name, string Leader, int Headcount, string CityCode)
    : OperationCommand(OperationId);

public sealed record AssignTeamToSite(Guid OperationId, Guid TeamId, Guid SiteId) : OperationCommand(OperationId);

/// <summary>Sets the operation-wide H-hour, or (with <paramref name="CityCode"/>) a per-city override.</summary>
public sealed record SetStrikeTime(Guid OperationId, DateTimeOffset HHour, string? CityCode = null) : OperationCommand(OperationId);

public sealed record ApprovePlan(Guid OperationId, string ApprovedBy) : OperationCommand(OperationId);

/// <summary>Launches (收网) one city, or every not-yet-launched city when <paramref name="CityCode"/> is null.</summary>
public sealed record Launch(Guid OperationId, string LaunchedBy, string? CityCode = null) : OperationCommand(OperationId);

public sealed record Conclude(Guid OperationId, string ConcludedBy, string? Summary = null) : OperationCommand(OperationId);
