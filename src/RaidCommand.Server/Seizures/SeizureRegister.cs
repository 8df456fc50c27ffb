using System.Collections.Immutable;
using RaidCommand.Domain.Common;
using RaidCommand.Domain.Sites;

namespace RaidCommand.Server.Seizures;

/// <summary>
/// An operation's register of seized property (扣押) and of funds frozen (冻结) or stopped (止付), folded by
/// <see cref="SeizureRegisterProjection"/>. One document per operation, because each entry needs its site's city,
/// which only the operation stream states.
/// </summary>
/// <param name="SiteCities">The city of each registered site.</param>
public sealed record SeizureRegister(
    Guid OperationId,
    ImmutableDictionary<Guid, string> SiteCities,
    ImmutableList<SeizureEntry> Seizures,
    ImmutableList<FundsEntry> Freezes,
    ImmutableList<FundsEntry> StopPayments);

/// <param name="OccurredAt">When the team states it seized the items.</param>
/// <param name="RecordedAt">When the server recorded it.</param>
public sealed record SeizureEntry(
    Guid SeizureId,
    Guid SiteId,
    string CityCode,
    Guid TeamId,
    SeizureCategory Category,
    int Quantity,
    string Description,
    IReadOnlyList<string> Identifiers,
    string StorageLocation,
    Money? CashAmount,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt)
{
    /// <summary>The latest correction, if any; a voided seizure stays listed but no longer counts.</summary>
    public Correction? Correction { get; init; }
}

/// <summary>A freeze (冻结) or a stop-payment (止付) of an account.</summary>
/// <param name="OrderReference">The freeze order, or the stop-payment order.</param>
/// <param name="RequestReference">The stop-payment request; null for a freeze.</param>
public sealed record FundsEntry(
    Guid Id,
    Guid SiteId,
    string CityCode,
    Guid TeamId,
    string AccountHolder,
    string Bank,
    string AccountNumber,
    Money Amount,
    string OrderReference,
    string? RequestReference,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt)
{
    /// <summary>The correction, if any; a voided freeze or stop-payment stays listed but no longer counts.</summary>
    public Correction? Correction { get; init; }
}

/// <summary>How an entry was corrected: voided, or amended (<see cref="LoggedQuantity"/> is what was first logged).</summary>
public sealed record Correction(bool Voided, string Reason, string CorrectedBy, DateTimeOffset CorrectedAt, int? LoggedQuantity = null)
{
    public static Correction Of(string reason, string correctedBy, DateTimeOffset correctedAt, bool voided) => new(voided, reason, correctedBy, correctedAt);
}
