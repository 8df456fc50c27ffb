using System.Collections.Immutable;

namespace RaidCommand.Domain.Transfers;

public enum TransferStatus
{
    NotPlanned,
    Planned,
    Departed,
    Arrived,
    HandedOver,
}

public sealed record TransferState(
    Guid TransferId,
    TransferStatus Status,
    Guid OperationId,
    string OriginCity,
    string DestinationCity,
    ImmutableList<Guid> Manifest,
    ImmutableList<Guid> Boarded,
    int MismatchCount)
{
    /// <summary>The team escorting the detainees; its field officers log the transfer's steps.</summary>
    public Guid EscortTeamId { get; init; }

    public static readonly TransferState Initial = new(
        Guid.Empty, TransferStatus.NotPlanned, Guid.Empty, string.Empty, string.Empty, ImmutableList<Guid>.Empty, ImmutableList<Guid>.Empty, 0);

    public static TransferState Evolve(TransferState state, object @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        return @event switch
        {
            TransferPlanned e => state with
            {
                TransferId = e.TransferId,
                Status = TransferStatus.Planned,
                OperationId = e.OperationId,
                OriginCity = e.OriginCity,
                DestinationCity = e.DestinationCity,
                Manifest = [.. e.Manifest],
                EscortTeamId = e.EscortTeamId,
            },
            DetaineesBoarded e => state with { Boarded = state.Boarded.AddRange(e.PersonIds) },
            TransferDeparted => state with { Status = TransferStatus.Departed },
            TransferReachedDestination => state with { Status = TransferStatus.Arrived },
            DetaineesHandedOver => state with { Status = TransferStatus.HandedOver },
            HeadcountMismatchDetected => state with { MismatchCount = state.MismatchCount + 1 },
            _ => state,
        };
    }
}
