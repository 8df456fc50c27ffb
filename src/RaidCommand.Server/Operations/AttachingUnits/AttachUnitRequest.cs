using RaidCommand.Domain.Operations;

namespace RaidCommand.Server.Operations.AttachingUnits;

/// <summary>A unit joining the task force (专案组): anti-fraud, criminal investigation, legal, SWAT support, prosecutor.</summary>
public sealed record AttachUnitRequest(string UnitName, UnitKind Kind);
