namespace RaidCommand.Server.Custody.Correcting;

/// <summary>Voids the current custody decision for a stated reason; the corrector is the acting officer.</summary>
/// <param name="OccurredAt">When the correction was made; the server's clock when absent, since a correction is a desk act, not a field fact.</param>
public sealed record CorrectDecisionRequest(string Reason, DateTimeOffset? OccurredAt);
