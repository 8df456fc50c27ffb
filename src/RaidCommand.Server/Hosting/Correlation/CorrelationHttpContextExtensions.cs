namespace RaidCommand.Server.Hosting.Correlation;

public static class CorrelationHttpContextExtensions
{
    internal const string ItemKey = "RaidCommand.CorrelationId";

    /// <summary>The correlation id <see cref="CorrelationIdMiddleware"/> assigned to this request.</summary>
    public static string GetCorrelationId(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(ItemKey, out var value) && value is string correlationId
            ? correlationId
            : throw new InvalidOperationException("No correlation id: CorrelationIdMiddleware has not run for this request.");
    }
}
