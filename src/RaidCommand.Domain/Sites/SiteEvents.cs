using System.Collections.Frozen;
using RaidCommand.Domain.Common;

namespace RaidCommand.Domain.Sites;

public enum SeizureCategory
{
    Phone,
    Computer,
    HardDisk,
    BankCard,
    SimCard,
    Vehicle,
    Cash,
    Documents,
    Other,
}

public sealed record SiteBreached(Guid OperationId, Guid SiteId, Guid TeamId, DateTimeOffset OccurredAt);

public sealed record SiteSecured(Guid OperationId, Guid SiteId, Guid TeamId, DateTimeOffset OccurredAt);

public sealed record SiteDismantled(Guid OperationId, Guid SiteId, Guid TeamId, DateTimeOffset OccurredAt);

/// <summary>An arrest on site. <see cref="Name"/> if known, otherwise a site-local tag such as "ZZ-07-014".</summary>
public sealed record ArrestLogged(
    Guid OperationId,
    Guid SiteId,
    string CityCode,
    Guid PersonId,
    string? Name,
    string? LocalTag,
    string? IdentityDocumentNumber,
    Guid TeamId,
    DateTimeOffset OccurredAt);

/// <summary>A seizure. <see cref="CashAmount"/> is set only for <see cref="SeizureCategory.Cash"/>.</summary>
public sealed record SeizureLogged(
    Guid OperationId,
    Guid SiteId,
    Guid SeizureId,
    Guid TeamId,
    SeizureCategory Category,
    int Quantity,
    string Description,
    IReadOnlyList<string> Identifiers,
    string StorageLocation,
    Money? CashAmount,
    DateTimeOffset OccurredAt);

/// <summary>An account frozen (冻结) under a freeze order.</summary>
public sealed record AssetFrozen(
    Guid OperationId,
    Guid SiteId,
    Guid FreezeId,
    Guid TeamId,
    string AccountHolder,
    string Bank,
    string AccountNumber,
    Money Amount,
    string FreezeOrderReference,
    DateTimeOffset OccurredAt);

/// <summary>
/// An emergency stop-payment (止付). "Time from report to stop-payment" = the first
/// <see cref="OccurredAt"/> per operation minus <c>OperationOpened.OriginCase.ReportedAt</c>.
/// </summary>
public sealed record StopPaymentIssued(
    Guid OperationId,
    Guid SiteId,
    Guid StopPaymentId,
    Guid TeamId,
    string AccountHolder,
    string Bank,
    string AccountNumber,
    Money Amount,
    string OrderReference,
    string RequestReference,
    DateTimeOffset OccurredAt);

/// <summary>A seizure logged in error is voided; the original entry stays in the log, and stops counting.</summary>
public sealed record SeizureVoided(
    Guid OperationId, Guid SiteId, Guid SeizureId, SeizureCategory Category, int Quantity, string Reason, string CorrectedBy, DateTimeOffset OccurredAt);

/// <summary>A seizure recounted (e.g. phones counted again at the evidence room): the new quantity counts from now on.</summary>
public sealed record SeizureQuantityAmended(
    Guid OperationId, Guid SiteId, Guid SeizureId, SeizureCategory Category, int PreviousQuantity, int Quantity, string Reason, string CorrectedBy, DateTimeOffset OccurredAt);

/// <summary>A freeze logged in error (wrong account, order withdrawn) is voided; it no longer counts as frozen.</summary>
public sealed record FreezeVoided(Guid OperationId, Guid SiteId, Guid FreezeId, Money Amount, string Reason, string CorrectedBy, DateTimeOffset OccurredAt);

/// <summary>A stop-payment logged in error is voided; it no longer counts as stopped.</summary>
public sealed record StopPaymentVoided(Guid OperationId, Guid SiteId, Guid StopPaymentId, Money Amount, string Reason, string CorrectedBy, DateTimeOffset OccurredAt);

public static class SiteEvents
{
    /// <summary>Stable event type names for the event store. Never rename an entry.</summary>
    public static readonly IReadOnlyDictionary<Type, string> TypeNames = new Dictionary<Type, string>
    {
        [typeof(SiteBreached)] = "site-breached",
        [typeof(SiteSecured)] = "site-secured",
        [typeof(SiteDismantled)] = "site-dismantled",
        [typeof(ArrestLogged)] = "site-arrest-logged",
        [typeof(SeizureLogged)] = "site-seizure-logged",
        [typeof(AssetFrozen)] = "site-asset-frozen",
        [typeof(StopPaymentIssued)] = "site-stop-payment-issued",
        [typeof(SeizureVoided)] = "site-seizure-voided",
        [typeof(SeizureQuantityAmended)] = "site-seizure-quantity-amended",
        [typeof(FreezeVoided)] = "site-freeze-voided",
        [typeof(StopPaymentVoided)] = "site-stop-payment-voided",
    }.ToFrozenDictionary();
}
