using RaidCommand.Domain.Common;

namespace RaidCommand.Domain.Sites;

/// <summary>A field command on one site's log. <see cref="OccurredAt"/> is stated by the field team.</summary>
public abstract record SiteCommand(Guid SiteId, Guid TeamId, DateTimeOffset OccurredAt);

public sealed record BreachSite(Guid SiteId, Guid TeamId, DateTimeOffset OccurredAt) : SiteCommand(SiteId, TeamId, OccurredAt);

public sealed record SecureSite(Guid SiteId, Guid TeamId, DateTimeOffset OccurredAt) : SiteCommand(SiteId, TeamId, OccurredAt);

public sealed record DismantleSite(Guid SiteId, Guid TeamId, DateTimeOffset OccurredAt) : SiteCommand(SiteId, TeamId, OccurredAt);

public sealed record LogArrest(
    Guid SiteId, Guid TeamId, DateTimeOffset OccurredAt, Guid PersonId, string? Name, string? LocalTag, string? IdentityDocumentNumber)
    : SiteCommand(SiteId, TeamId, OccurredAt);

public sealed record LogSeizure(
    Guid SiteId,
    Guid TeamId,
    DateTimeOffset OccurredAt,
    Guid SeizureId,
    SeizureCategory Category,
    int Quantity,
    string Description,
    IReadOnlyList<string> Identifiers,
    string StorageLocation,
    Money? CashAmount = null)
    : SiteCommand(SiteId, TeamId, OccurredAt);

public sealed record FreezeAsset(
    Guid SiteId,
    Guid TeamId,
    DateTimeOffset OccurredAt,
    Guid FreezeId,
    string AccountHolder,
    string Bank,
    string AccountNumber,
    Money Amount,
    string FreezeOrderReference)
    : SiteCommand(SiteId, TeamId, OccurredAt);

public sealed record IssueStopPayment(
    Guid SiteId,
    Guid TeamId,
    DateTimeOffset OccurredAt,
    Guid StopPaymentId,
    string AccountHolder,
    string Bank,
    string AccountNumber,
    Money Amount,
    string OrderReference,
    string RequestReference)
    : SiteCommand(SiteId, TeamId, OccurredAt);
