using RaidCommand.Domain.Transfers;

namespace RaidCommand.Server.Transfers.Planning;

/// <summary>A detainee transfer (押解) to plan, e.g. the 82 criminally detained in Zhengzhou flown to Lanzhou.</summary>
/// <param name="TransferId">Optional client-chosen id; when absent it is derived from the command id, so a retry plans the same transfer.</param>
/// <param name="Mode">Road, Rail, Air or Other.</param>
/// <param name="EscortTeamId">A team of the operation that escorts the detainees.</param>
/// <param name="Manifest">The persons to travel: criminally detained in the origin city, of this operation, on no other transfer.</param>
public sealed record PlanTransferRequest(
    Guid? TransferId,
    string OriginCity,
    string DestinationCity,
    TransferMode Mode,
    string VehicleOrFlight,
    Guid EscortTeamId,
    IReadOnlyList<Guid> Manifest);
