using Microsoft.Playwright;

namespace RaidCommand.Web.Tests.Infrastructure;

/// <summary>The one place tests sign in through the UI, as a person would: open a page, land on sign-in, sign in.</summary>
public static class SignInPage
{
    public static async Task<IPage> OpenSignedInAsync(IBrowserContext context, string path, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await page.WaitForURLAsync("**/sign-in?return=*");
        await page.GetByTestId("user-name").FillAsync(userName);
        await page.GetByTestId("password").FillAsync(password);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        return page;
    }
}
