namespace RaidCommand.Server.Hosting.Correlation;

internal sealed class CorrelationContext : ICorrelationContext
{
    public string CorrelationId { get; set; } = CorrelationIds.New();
}
