using System.Collections.Immutable;
using RaidCommand.Domain.Custody;

namespace RaidCommand.Server.Custody.Reading;

/// <summary>The pure fold behind <see cref="CustodyRecord"/>: one custody event at a time.</summary>
public static class CustodyRecordFold
{
    public static CustodyRecord? Evolve(CustodyRecord? record, object @event, long streamVersion, string actorId)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (record is null)
        {
            // A custody stream always starts with the arrest; anything else cannot open a record.
            return @event is PersonArrested arrested ? Open(arrested, streamVersion, actorId) : null;
        }

        var next = Fold(record, @event, actorId);
        return next with { Status = StatusOf(next), StreamVersion = streamVersion };
    }

    private static CustodyRecord Open(PersonArrested e, long streamVersion, string actorId) => new(
        e.PersonId, e.OperationId, e.SiteId, e.TeamId, e.CityCode, e.Name, e.LocalTag, e.IdentityDocumentNumber, e.OccurredAt,
        CustodyStatus.AwaitingQuestioning, Questioned: false, CustodyDecision.None, new CustodyLocation(e.CityCode, null), ActiveTransferId: null,
        [Entry(CustodyEntryKind.Arrested, e.OccurredAt, actorId, cityCode: e.CityCode)], [], streamVersion);

    private static CustodyRecord Fold(CustodyRecord record, object @event, string actorId) => @event switch
    {
        Questioned e => Log(record with { Questioned = true }, Entry(CustodyEntryKind.Questioned, e.OccurredAt, actorId, e.QuestionedBy, e.Location)),
        CriminallyDetained e => Log(
            record with { Decision = CustodyDecision.CriminallyDetained, Location = new CustodyLocation(e.CityCode, e.Facility) },
            Entry(CustodyEntryKind.CriminallyDetained, e.OccurredAt, actorId, e.ApprovingOfficer, e.Facility, e.CityCode)),
        BailedPendingTrial e => Log(
            record with { Decision = CustodyDecision.BailedPendingTrial, Location = record.Location with { Facility = null } },
            Entry(CustodyEntryKind.BailedPendingTrial, e.OccurredAt, actorId, e.ApprovedBy, e.Conditions)),
        Released e => Log(
            record with { Decision = CustodyDecision.Released, Location = record.Location with { Facility = null } },
            Entry(CustodyEntryKind.Released, e.OccurredAt, actorId, e.ReleasedBy, e.Reason)),
        HandedOverToJurisdiction e => Log(
            record with { Decision = CustodyDecision.HandedOverToJurisdiction, Location = record.Location with { Facility = null } },
            Entry(CustodyEntryKind.HandedOverToJurisdiction, e.OccurredAt, actorId, e.ReceivingOfficer, e.Jurisdiction)),
        HeldAt e => Log(
            record with { Location = new CustodyLocation(e.CityCode, e.Facility) },
            Entry(CustodyEntryKind.HeldAt, e.OccurredAt, actorId, detail: e.Facility, cityCode: e.CityCode)),
        CustodyDecisionCorrected e => Log(
            record with { Decision = CustodyDecision.None, History = VoidLastDecision(record.History) },
            Entry(CustodyEntryKind.DecisionCorrected, e.OccurredAt, actorId, e.CorrectedBy, e.Reason) with { VoidedDecision = e.VoidedDecision }),
        TransferBoarded e => Log(
            record with
            {
                ActiveTransferId = e.TransferId,
                Location = new CustodyLocation(e.OriginCity, null),
                Transfers = record.Transfers.Add(new CustodyTransferLeg(e.TransferId, e.OriginCity, null, e.OccurredAt, null, null, null, null)),
            },
            Entry(CustodyEntryKind.TransferBoarded, e.OccurredAt, actorId, cityCode: e.OriginCity)),
        TransferArrived e => Log(
            record with
            {
                Location = new CustodyLocation(e.DestinationCity, null),
                Transfers = OnLeg(record.Transfers, e.TransferId, leg => leg with { DestinationCity = e.DestinationCity, ArrivedAt = e.OccurredAt }),
            },
            Entry(CustodyEntryKind.TransferArrived, e.OccurredAt, actorId, cityCode: e.DestinationCity)),
        TransferHandedOver e => Log(
            record with
            {
                ActiveTransferId = null,
                Location = new CustodyLocation(e.CityCode, e.Facility),
                Transfers = OnLeg(record.Transfers, e.TransferId, leg => leg with
                {
                    DestinationCity = e.CityCode, HandedOverAt = e.OccurredAt, ReceivingFacility = e.Facility, ReceivingOfficer = e.ReceivingOfficer,
                }),
            },
            Entry(CustodyEntryKind.TransferHandedOver, e.OccurredAt, actorId, e.ReceivingOfficer, e.Facility, e.CityCode)),
        _ => record,
    };

    private static CustodyStatus StatusOf(CustodyRecord record) => record switch
    {
        { ActiveTransferId: not null } => CustodyStatus.InTransfer,
        { Decision: CustodyDecision.CriminallyDetained } => CustodyStatus.CriminallyDetained,
        { Decision: CustodyDecision.BailedPendingTrial } => CustodyStatus.BailedPendingTrial,
        { Decision: CustodyDecision.Released } => CustodyStatus.Released,
        { Decision: CustodyDecision.HandedOverToJurisdiction } => CustodyStatus.HandedOverToJurisdiction,
        { Questioned: true } => CustodyStatus.AwaitingDecision,
        _ => CustodyStatus.AwaitingQuestioning,
    };

    private static CustodyHistoryEntry Entry(
        CustodyEntryKind kind, DateTimeOffset occurredAt, string actorId, string? by = null, string? detail = null, string? cityCode = null) =>
        new(kind, occurredAt, by, detail, cityCode, Voided: false, VoidedDecision: null, actorId);

    private static CustodyRecord Log(CustodyRecord record, CustodyHistoryEntry entry) => record with { History = record.History.Add(entry) };

    private static bool IsDecision(CustodyEntryKind kind) => kind is CustodyEntryKind.CriminallyDetained or CustodyEntryKind.BailedPendingTrial
        or CustodyEntryKind.Released or CustodyEntryKind.HandedOverToJurisdiction;

    // A correction voids the decision that stands, which is the latest decision not yet voided.
    private static ImmutableList<CustodyHistoryEntry> VoidLastDecision(ImmutableList<CustodyHistoryEntry> history)
    {
        var index = history.FindLastIndex(entry => IsDecision(entry.Kind) && !entry.Voided);
        return index < 0 ? history : history.SetItem(index, history[index] with { Voided = true });
    }

    private static ImmutableList<CustodyTransferLeg> OnLeg(
        ImmutableList<CustodyTransferLeg> legs, Guid transferId, Func<CustodyTransferLeg, CustodyTransferLeg> update)
    {
        var index = legs.FindLastIndex(leg => leg.TransferId == transferId);
        return index < 0 ? legs : legs.SetItem(index, update(legs[index]));
    }
}
