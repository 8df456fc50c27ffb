namespace RaidCommand.Server.Security.Authorization;

/// <summary>Refuses to serve when an endpoint was mapped without an access rule: forgetting one must not mean "open".</summary>
public sealed class AccessRuleCheck(EndpointDataSource endpoints) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var unruled = endpoints.Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<AccessRule>() is null)
            .Select(endpoint => endpoint.DisplayName ?? endpoint.RoutePattern.RawText)
            .ToList();
        return unruled.Count == 0
            ? Task.CompletedTask
            : throw new InvalidOperationException($"Endpoints without an access rule (see Security/Authorization/AccessRules.cs): {string.Join("; ", unruled)}");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
