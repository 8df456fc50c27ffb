using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RaidCommand.Server.Security.Authorization;

namespace RaidCommand.Server.Tests.Infrastructure;

/// <summary>
/// Test-only endpoints added behind the production pipeline (after it, so its correlation, logging and
/// exception handling wrap them), so error handling can be tested without adding endpoints to production.
/// </summary>
internal sealed class ProbeEndpoints : IStartupFilter
{
    public const string EchoPath = "/test-probe/echo";
    public const string ThrowPath = "/test-probe/throw";

    public static void AddTo(IServiceCollection services) => services.AddSingleton<IStartupFilter, ProbeEndpoints>();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.UseRouting();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapPost(EchoPath, (EchoRequest request) => Results.Ok(request)).ForAnyone();
            endpoints.MapGet(ThrowPath, IResult () => throw new InvalidOperationException("probe failure")).ForAnyone();
        });
    };

    internal sealed record EchoRequest(string Text);
}
