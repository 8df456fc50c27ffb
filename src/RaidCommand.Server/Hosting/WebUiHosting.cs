using Microsoft.Extensions.FileProviders;

namespace RaidCommand.Server.Hosting;

/// <summary>
/// Serves the built web UI (src/RaidCommand.Web, built by ops/lib/bootstrap.sh into its dist/ folder). Only the UI's
/// own client-side routes get index.html; every other path that is not a file goes on to the endpoints, so an unknown
/// path stays a 404 problem instead of an HTML page that would hide a typo. Done as middleware rather than a fallback
/// endpoint: the page is public and carries no data, and every endpoint must declare an access rule.
/// </summary>
public static class WebUiHosting
{
    /// <summary>Setting naming the folder of the built UI; default: ../RaidCommand.Web/dist next to the server's content root.</summary>
    public const string RootKey = "WebUi:Root";

    /// <summary>The pages of the single-page app (src/RaidCommand.Web/src/main.ts routes them); each also covers its sub-paths.</summary>
    private static readonly string[] ClientRoutes = ["/sign-in", "/field", "/board", "/audit"];

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
        && (request.Path == "/" || ClientRoutes.Any(route => request.Path.StartsWithSegments(route, StringComparison.OrdinalIgnoreCase)))
        && !files.GetFileInfo(request.Path.Value ?? "/").Exists;
}
