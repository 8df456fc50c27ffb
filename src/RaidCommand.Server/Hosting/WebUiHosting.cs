using Microsoft.Extensions.FileProviders;

namespace RaidCommand.Server.Hosting;

/// <summary>
/// Serves the built web UI (src/RaidCommand.Web, built by ops/lib/bootstrap.sh into its dist/ folder). Client-side
/// routes (/, /field, /sign-in, …) get index.html; API, hub, health and OpenAPI paths never do, so an unknown API path
/// stays a 404 problem instead of an HTML page. Done as middleware rather than a fallback endpoint: the page is public
/// and carries no data, and every endpoint must declare an access rule.
/// </summary>
public static class WebUiHosting
{
    /// <summary>Setting naming the folder of the built UI; default: ../RaidCommand.Web/dist next to the server's content root.</summary>
    public const string RootKey = "WebUi:Root";

    private static readonly string[] ServerPaths = ["/api", "/hubs", "/health", "/openapi"];

    public static WebApplication UseRaidCommandWebUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var root = app.Configuration[RootKey]
            ?? Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, "..", "RaidCommand.Web", "dist"));
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            app.Logger.LogWarning("Web UI not served: no index.html in {WebUiRoot} (build it with npm run build in src/RaidCommand.Web)", root);
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.Use((http, next) =>
        {
            if (IsClientRoute(http.Request, files))
            {
                http.Request.Path = "/index.html";
            }

            return next(http);
        });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        return app;
    }

    private static bool IsClientRoute(HttpRequest request, PhysicalFileProvider files) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !ServerPaths.Any(prefix => request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
        && !files.GetFileInfo(request.Path.Value ?? "/").Exists;
}
