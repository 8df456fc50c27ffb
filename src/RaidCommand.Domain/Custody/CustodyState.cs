namespace RaidCommand.Domain.Custody;

public sealed record CustodyState(
    Guid PersonId,
    bool IsOpen,
    Guid OperationId,
    Guid SiteId,
    string? Name,
    string? LocalTag,
    bool HasBeenQuestioned,
    CustodyDecision Decision,
    string? Facility,
    string? CityCode,
    Guid? ActiveTransferId)
{
    public static readonly CustodyState Initial = new(
        Guid.Empty, false, Guid.Empty, Guid.Empty, null, null, false, CustodyDecision.None, null, null, null);

    /// <summary>Physically held by police: arrested and not yet bailed, released or handed over.</summary>
    public bool IsInPoliceHands =>
        IsOpen && Decision is CustodyDecision.None or CustodyDecision.CriminallyDetained;

    public bool IsInTransfer => ActiveTransferId is not null;

    public static CustodyState Evolve(CustodyState state, object @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        return @event switch
        {
            PersonArrested e => state with
            {
                PersonId = e.PersonId,
                IsOpen = true,
                OperationId = e.OperationId,
                SiteId = e.SiteId,
                Name = e.Name,
                LocalTag = e.LocalTag,
                CityCode = e.CityCode,
            },
            Questioned => state with { HasBeenQuestioned = true },
            CriminallyDetained e => state with { Decision = CustodyDecision.CriminallyDetained, Facility = e.Facility, CityCode = e.CityCode },
            BailedPendingTrial => state with { Decision = CustodyDecision.BailedPendingTrial, Facility = null },
            Released => state with { Decision = CustodyDecision.Released, Facility = null },
            HandedOverToJurisdiction => state with { Decision = CustodyDecision.HandedOverToJurisdiction, Facility = null },
            HeldAt e => state with { Facility = e.Facility, CityCode = e.CityCode },
            TransferBoarded e => state with { ActiveTransferId = e.TransferId, Facility = null },
            TransferArrived e => state with { CityCode = e.DestinationCity },
            TransferHandedOver e => state with { ActiveTransferId = null, Facility = e.Facility, CityCode = e.CityCode },
            CustodyDecisionCorrected => state with { Decision = CustodyDecision.None },
            _ => state,
        };
    }
}
