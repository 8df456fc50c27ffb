using Microsoft.Playwright;

namespace RaidCommand.Web.Tests.Infrastructure;

/// <summary>Full-page screenshots kept in <see cref="WebUiBuild.ScreenshotFolder"/> for people to look at.</summary>
public static class Screenshots
{
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(WebUiBuild.ScreenshotFolder);
        var path = Path.Combine(WebUiBuild.ScreenshotFolder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
