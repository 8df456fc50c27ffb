using RaidCommand.Domain.Transfers;

namespace RaidCommand.Server.Transfers.Reading;

/// <summary>The pure fold behind <see cref="TransferView"/>: one transfer event at a time.</summary>
public static class TransferViewFold
{
    public static TransferView? Evolve(TransferView? view, object @event, long streamVersion)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (view is null)
        {
            // A transfer stream always starts with its plan.
            return @event is TransferPlanned planned ? Plan(planned, streamVersion) : null;
        }

        return Fold(view, @event) with { StreamVersion = streamVersion };
    }

    private static TransferView Plan(TransferPlanned e, long streamVersion) => new(
        e.TransferId, e.OperationId, e.OriginCity, e.DestinationCity, e.Mode, e.VehicleOrFlight, e.EscortTeamId, e.PlannedBy, e.PlannedAt,
        TransferStatus.Planned, [.. e.Manifest], [], new TransferHeadcounts(e.Manifest.Count, 0, null, [], null, null), [], [],
        DepartedAt: null, ArrivedAt: null, HandedOverAt: null, ReceivingFacility: null, ReceivingOfficer: null, streamVersion);

    private static TransferView Fold(TransferView view, object @event) => @event switch
    {
        DetaineesBoarded e => view with
        {
            Boarded = view.Boarded.AddRange(e.PersonIds),
            Headcounts = view.Headcounts with { Boarded = view.Boarded.Count + e.PersonIds.Count },
        },
        TransferDeparted e => view with
        {
            Status = TransferStatus.Departed, DepartedAt = e.OccurredAt, Headcounts = view.Headcounts with { Departure = e.Headcount },
        },
        CheckpointReported e => view with
        {
            Checkpoints = view.Checkpoints.Add(new TransferCheckpoint(e.Place, e.Headcount, e.Note, e.OccurredAt)),
            Headcounts = view.Headcounts with { Checkpoints = view.Headcounts.Checkpoints.Add(e.Headcount) },
        },
        TransferReachedDestination e => view with
        {
            Status = TransferStatus.Arrived, ArrivedAt = e.OccurredAt, Headcounts = view.Headcounts with { Arrival = e.Headcount },
        },
        DetaineesHandedOver e => view with
        {
            Status = TransferStatus.HandedOver,
            HandedOverAt = e.OccurredAt,
            ReceivingFacility = e.ReceivingFacility,
            ReceivingOfficer = e.ReceivingOfficer,
            Headcounts = view.Headcounts with { HandOver = e.Headcount },
        },
        HeadcountMismatchDetected e => view with { Alerts = view.Alerts.Add(new TransferAlert(e.Stage, e.Expected, e.Actual, e.OccurredAt)) },
        _ => view,
    };
}
