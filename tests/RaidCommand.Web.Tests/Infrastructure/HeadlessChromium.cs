using Microsoft.Playwright;

namespace RaidCommand.Web.Tests.Infrastructure;

/// <summary>
/// Debian's chromium driven by Playwright (no Playwright browser download). One browser per test class; every
/// person in a test gets a context of their own (separate storage, separate sign-in).
/// </summary>
public sealed class HeadlessChromium : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright _playwright = null!;

    public IBrowser Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: ops/lib/bootstrap.sh installs the chromium package.");
        }

        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    /// <summary>A fresh browser profile: a phone-sized one for field officers, a wide screen for the command post.</summary>
    public Task<IBrowserContext> NewContextAsync(Uri baseAddress, string locale, bool phone = false) =>
        Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = locale,
            TimezoneId = "Asia/Shanghai",
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1440, Height = 1000 },
            IsMobile = phone,
            HasTouch = phone,
        });

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }
}
