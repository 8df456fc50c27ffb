using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RaidCommand.Server.Hosting.Correlation;

namespace RaidCommand.Server.Tests.Hosting;

/// <summary>A test-only endpoint behind the production pipeline that reports what a handler sees as its correlation id.</summary>
internal sealed class CorrelationProbe : IStartupFilter
{
    public const string Path = "/test-probe/correlation";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Map(Path, branch => branch.Run(context => context.Response.WriteAsync(
            $"{context.GetCorrelationId()}|{context.RequestServices.GetRequiredService<ICorrelationContext>().CorrelationId}")));
    };
}
