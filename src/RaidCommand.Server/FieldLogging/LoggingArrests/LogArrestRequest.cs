namespace RaidCommand.Server.FieldLogging.LoggingArrests;

/// <summary>A person arrested on site, identified by name or, when unknown, by a site-local tag such as "ZZ-07-014".</summary>
/// <param name="PersonId">Optional client-chosen id of the person's custody record; derived from the command id when absent.</param>
public sealed record LogArrestRequest(
    Guid TeamId, DateTimeOffset? OccurredAt, Guid? PersonId, string? Name, string? LocalTag, string? IdentityDocumentNumber);
