using RaidCommand.Domain.Common;

namespace RaidCommand.Server.FieldLogging.FreezingAssets;

/// <summary>An account frozen (冻结) under a freeze order.</summary>
/// <param name="FreezeId">Optional client-chosen id; derived from the command id when absent.</param>
public sealed record FreezeAssetRequest(
    Guid TeamId,
    DateTimeOffset? OccurredAt,
    Guid? FreezeId,
    string AccountHolder,
    string Bank,
    string AccountNumber,
    Money Amount,
    string FreezeOrderReference);
