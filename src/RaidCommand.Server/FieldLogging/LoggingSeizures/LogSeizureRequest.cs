using RaidCommand.Domain.Common;
using RaidCommand.Domain.Sites;

namespace RaidCommand.Server.FieldLogging.LoggingSeizures;

/// <summary>Items seized on site (phones, computers, bank cards, cash ...).</summary>
/// <param name="SeizureId">Optional client-chosen id; derived from the command id when absent.</param>
/// <param name="Identifiers">IMEIs, card numbers, plate numbers and the like.</param>
/// <param name="CashAmount">Only for the Cash category, where it is required.</param>
public sealed record LogSeizureRequest(
    Guid TeamId,
    DateTimeOffset? OccurredAt,
    Guid? SeizureId,
    SeizureCategory Category,
    int Quantity,
    string Description,
    IReadOnlyList<string>? Identifiers,
    string StorageLocation,
    Money? CashAmount);
