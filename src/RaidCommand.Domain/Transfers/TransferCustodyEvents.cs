using RaidCommand.Domain.Custody;

namespace RaidCommand.Domain.Transfers;

/// <summary>One event to append to one person's custody stream.</summary>
public sealed record PersonCustodyEvent(Guid PersonId, object Event);

/// <summary>
/// Maps transfer-stream events to the custody-stream events they imply for each person, so a handler can append
/// the transfer events and the per-person custody events atomically.
/// </summary>
public static class TransferCustodyEvents
{
    /// <param name="before">The transfer state the events were decided on (before they are applied).</param>
    /// <param name="transferEvents">The events returned by <see cref="TransferDecider.Decide"/>.</param>
    public static IReadOnlyList<PersonCustodyEvent> For(TransferState before, IEnumerable<object> transferEvents)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(transferEvents);
        var state = before;
        var result = new List<PersonCustodyEvent>();
        foreach (var @event in transferEvents)
        {
            switch (@event)
            {
                case DetaineesBoarded e:
                    result.AddRange(e.PersonIds.Select(id =>
                        new PersonCustodyEvent(id, new TransferBoarded(id, e.TransferId, state.OriginCity, e.OccurredAt))));
                    break;
                case TransferReachedDestination e:
                    result.AddRange(state.Boarded.Select(id =>
                        new PersonCustodyEvent(id, new TransferArrived(id, e.TransferId, state.DestinationCity, e.OccurredAt))));
                    break;
                case DetaineesHandedOver e:
                    result.AddRange(e.PersonIds.Select(id => new PersonCustodyEvent(
                        id, new TransferHandedOver(id, e.TransferId, e.ReceivingFacility, e.ReceivingOfficer, state.DestinationCity, e.OccurredAt))));
                    break;
                default:
                    break;
            }

            state = TransferState.Evolve(state, @event);
        }

        return result;
    }
}
