using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RaidCommand.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RaidCommand.Web.Tests;

/// <summary>
/// An auditor replays a raid played through the API: the timeline with who, from which device and what, a late entry
/// and a correction linked both ways; the board and custody register as of an instant on each clock; the signed
/// integrity check and the exports; in both languages, and without writing anything.
/// </summary>
public sealed class AuditReplayTests(AuditReplayFixture fixture) : IClassFixture<AuditReplayFixture>
{
    private static readonly TimeZoneInfo HomeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static ILocator Arrests(IPage page) => page.Locator("[data-testid=timeline-entry][data-type=site-arrest-logged]");

    private static ILocator AsOf(IPage page) => page.GetByTestId("as-of");

    /// <summary>The auditor, in a browser context of their own, on the audit page of the class's raid, loaded.</summary>
    private async Task<AuditorSession> OpenAuditAsync(string locale = "en-US")
    {
        var raid = await fixture.RaidAsync();
        var context = await fixture.NewContextAsync(locale);
        var page = await SignInPage.OpenSignedInAsync(context, raid.AuditPath, AuditReplayFixture.AuditorUserName, AuditReplayFixture.AuditorPassword);
        await ExpectLoadedAsync(page);
        return new AuditorSession(raid, context, page);
    }

    private sealed record AuditorSession(AuditedRaid Raid, IBrowserContext Context, IPage Page) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Context.DisposeAsync();
    }

    /// <summary>An instant the slider holds in one of its attributes (min, max, step) or as its value, in Unix milliseconds.</summary>
    private static async Task<long> SliderAsync(IPage page, string attribute)
    {
        var slider = page.GetByTestId("time-slider");
        var value = attribute == "value" ? await slider.InputValueAsync() : await slider.GetAttributeAsync(attribute);
        return long.Parse(value!, CultureInfo.InvariantCulture);
    }

    private static async Task ExpectLoadedAsync(IPage page)
    {
        await Expect(page.GetByTestId("timeline")).ToHaveAttributeAsync("data-state", "end", new() { Timeout = 15_000 });
        await Expect(AsOf(page)).ToHaveAttributeAsync("data-state", "shown", new() { Timeout = 15_000 });
    }

    /// <summary>The replay shows the answer for exactly this instant and clock (not an earlier one still on screen).</summary>
    private static async Task ExpectShownAsync(IPage page, DateTimeOffset instant, string clock)
    {
        await Expect(AsOf(page)).ToHaveAttributeAsync("data-at", Iso(instant));
        await Expect(AsOf(page)).ToHaveAttributeAsync("data-clock", clock);
        await Expect(AsOf(page)).ToHaveAttributeAsync("data-state", "shown");
    }

    private static ILocator ReplayedArrests(IPage page) => AsOf(page).GetByTestId("as-of-board").GetByTestId("operation-arrests");

    [Fact]
    public async Task An_auditor_reads_every_event_with_who_in_which_role_from_which_device_and_the_late_entry_flagged()
    {
        await using var session = await OpenAuditAsync();
        var raid = session.Raid;
        var page = session.Page;

        await Expect(Arrests(page)).ToHaveCountAsync(3);
        var first = Arrests(page).Filter(new() { HasText = "张三" });
        await Expect(first.GetByTestId("entry-actor")).ToHaveTextAsync(raid.OfficerUserName);
        await Expect(first.GetByTestId("entry-role")).ToHaveTextAsync("Field officer");
        await Expect(first.GetByTestId("entry-device")).ToHaveTextAsync(AuditReplayFixture.OfficerDevice);
        await Expect(first).ToHaveAttributeAsync("data-late", "false");
        await Expect(first.GetByTestId("entry-recorded")).ToContainTextAsync("Asia/Shanghai");
        var late = Arrests(page).Filter(new() { HasText = "王五" });
        await Expect(late).ToHaveAttributeAsync("data-late", "true");
        await Expect(late.GetByTestId("late-flag")).ToHaveTextAsync("Late entry");
        var entries = page.GetByTestId("timeline-entry");
        var types = (await entries.EvaluateAllAsync<string[]>("rows => rows.map(row => row.dataset.type)")).ToList();
        Assert.Equal("operation-opened", types[0]);
        Assert.True(types.IndexOf("site-breached") < types.IndexOf("site-arrest-logged"), "the breach is listed before the arrests, in feed order");

        await first.GetByTestId("entry-details").Locator("summary").ClickAsync();
        await Expect(first.GetByTestId("entry-details")).ToContainTextAsync($"site-{raid.Launched.FirstSite.SiteId:N}");
        await Expect(first.GetByTestId("entry-data")).ToContainTextAsync(raid.DetainedPersonId.ToString());

        await page.GetByTestId("filter-late-only").CheckAsync();
        await Expect(page.GetByTestId("timeline")).ToHaveAttributeAsync("data-state", "end");
        await Expect(Arrests(page).Filter(new() { HasText = "王五" })).ToHaveCountAsync(1);
        await Expect(entries.Filter(new() { HasText = "张三" })).ToHaveCountAsync(0);
        Assert.All(await entries.EvaluateAllAsync<string[]>("rows => rows.map(row => row.dataset.late)"), flag => Assert.Equal("true", flag));
    }

    [Fact]
    public async Task The_time_slider_shows_the_board_as_the_command_knew_it_and_as_it_had_happened_and_the_final_totals_at_the_end()
    {
        await using var session = await OpenAuditAsync();
        var raid = session.Raid;
        var page = session.Page;
        var between = raid.BetweenFirstAndSecondArrest;
        var site = raid.Launched.FirstSite;

        await page.GetByTestId("time-instant").FillAsync(WallClockInHomeZone(between));
        await ExpectShownAsync(page, between, "recorded");
        await Expect(ReplayedArrests(page)).ToHaveTextAsync("1");
        await Expect(AsOf(page).GetByTestId($"site-{site.SiteId}-arrests")).ToHaveTextAsync("1");
        await Expect(AsOf(page).GetByTestId("custody-line")).ToHaveCountAsync(1);

        // The late entry happened with the first arrest, at a den whose log has nothing later: on the occurred clock it counts from then.
        await page.GetByTestId("clock-occurred").CheckAsync();
        await ExpectShownAsync(page, between, "occurred");
        await Expect(ReplayedArrests(page)).ToHaveTextAsync("2");
        await Expect(AsOf(page).GetByTestId("custody-line")).ToHaveCountAsync(2);

        var slider = page.GetByTestId("time-slider");
        await slider.FocusAsync();
        await slider.PressAsync("End");
        var end = DateTimeOffset.FromUnixTimeMilliseconds(await SliderAsync(page, "max"));
        await ExpectShownAsync(page, end, "occurred");
        await Expect(ReplayedArrests(page)).ToHaveTextAsync("3");
        await page.GetByTestId("clock-recorded").CheckAsync();
        await ExpectShownAsync(page, end, "recorded");
        await Expect(ReplayedArrests(page)).ToHaveTextAsync("3");
        await Expect(AsOf(page).GetByTestId("operation-detentions")).ToHaveTextAsync("0");
        await Expect(AsOf(page).GetByTestId("custody-line")).ToHaveCountAsync(3);

        await slider.PressAsync("Home");
        var start = DateTimeOffset.FromUnixTimeMilliseconds(await SliderAsync(page, "min"));
        await ExpectShownAsync(page, start, "recorded");
        await Expect(AsOf(page).GetByTestId("custody-line")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Dragging_the_slider_costs_a_few_reads_one_at_a_time_and_ends_on_the_last_position()
    {
        await using var session = await OpenAuditAsync();
        var page = session.Page;
        var reads = 0;
        var inFlight = 0;
        var mostInFlight = 0;
        static bool IsBoardReplay(IRequest request) => request.Url.Contains("/board/as-of", StringComparison.Ordinal);
        page.Request += (_, request) =>
        {
            if (!IsBoardReplay(request)) return;
            reads++;
            mostInFlight = Math.Max(mostInFlight, ++inFlight);
        };
        page.RequestFinished += (_, request) => inFlight -= IsBoardReplay(request) ? 1 : 0;
        page.RequestFailed += (_, request) => inFlight -= IsBoardReplay(request) ? 1 : 0;

        var slider = page.GetByTestId("time-slider");
        var box = (await slider.BoundingBoxAsync())!;
        var y = box.Y + (box.Height / 2);
        await page.Mouse.MoveAsync(box.X + 2, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.6f), y, new() { Steps = 40 });
        await page.Mouse.UpAsync();

        var last = DateTimeOffset.FromUnixTimeMilliseconds(await SliderAsync(page, "value"));
        await ExpectShownAsync(page, last, "recorded");
        Assert.InRange(reads, 1, 5);
        Assert.Equal(1, mostInFlight);
    }

    [Fact]
    public async Task Play_replays_the_board_from_the_start_stride_by_stride_until_paused()
    {
        await using var session = await OpenAuditAsync();
        var page = session.Page;
        var start = await SliderAsync(page, "min");
        var end = await SliderAsync(page, "max");

        // The page opens at the end, so playing starts over from the beginning.
        await page.GetByTestId("play").ClickAsync();
        await Expect(page.GetByTestId("play")).ToHaveAttributeAsync("data-state", "playing");
        await ExpectShownAsync(page, DateTimeOffset.FromUnixTimeMilliseconds(start), "recorded");
        await page.WaitForFunctionAsync(
            "([start, end]) => { const view = document.querySelector('[data-testid=as-of]'); return view.dataset.state === 'shown' && Date.parse(view.dataset.at) >= start + 2 * (end - start) / 60 - 1; }",
            new[] { start, end });
        await page.GetByTestId("play").ClickAsync();

        await Expect(page.GetByTestId("play")).ToHaveAttributeAsync("data-state", "paused");
        await Expect(AsOf(page)).ToHaveAttributeAsync("data-state", "shown");
        var pausedAt = DateTimeOffset.Parse((await AsOf(page).GetAttributeAsync("data-at"))!, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        Assert.InRange(pausedAt, start + 1, end - 1);
        var step = await SliderAsync(page, "step");
        Assert.InRange(await SliderAsync(page, "value"), pausedAt - step, pausedAt + step);
    }

    [Fact]
    public async Task A_correction_by_the_commander_and_the_detention_it_voids_are_both_on_the_timeline_linked_both_ways()
    {
        await using var session = await OpenAuditAsync();
        var page = session.Page;
        var detention = page.Locator("[data-testid=timeline-entry][data-type=custody-criminally-detained]");
        var correction = page.Locator("[data-testid=timeline-entry][data-type=custody-decision-corrected]");

        await Expect(detention).ToHaveAttributeAsync("data-corrected", "true");
        await Expect(detention.GetByTestId("corrected-flag")).ToBeVisibleAsync();
        await Expect(correction.GetByTestId("entry-actor")).ToHaveTextAsync(WebTestFixture.CommanderUserName);
        await Expect(correction.GetByTestId("entry-description")).ToContainTextAsync("wrong person");
        var detentionId = await detention.GetAttributeAsync("data-event-id");
        var correctionId = await correction.GetAttributeAsync("data-event-id");
        await Expect(detention.GetByTestId("corrected-by-link")).ToHaveAttributeAsync("data-target", correctionId!);
        await Expect(correction.GetByTestId("corrects-link")).ToHaveAttributeAsync("data-target", detentionId!);

        await detention.GetByTestId("corrected-by-link").ClickAsync();
        await Expect(correction).ToHaveClassAsync(new Regex(@"\bhighlight\b"));
        await Expect(correction).ToBeFocusedAsync();
        await correction.GetByTestId("corrects-link").ClickAsync();
        await Expect(detention).ToHaveClassAsync(new Regex(@"\bhighlight\b"));
        await Expect(detention).ToBeFocusedAsync();
        await Expect(detention).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Integrity_verifies_intact_and_the_exports_are_fetched_with_the_token_which_never_goes_into_a_url()
    {
        await using var session = await OpenAuditAsync();
        var raid = session.Raid;
        var context = session.Context;
        var page = session.Page;
        var urls = new List<string>();
        context.Request += (_, request) => urls.Add(request.Url);

        await page.GetByTestId("verify-integrity").ClickAsync();
        await Expect(page.GetByTestId("integrity-result")).ToHaveAttributeAsync("data-intact", "true");
        await Expect(page.GetByTestId("integrity-result")).ToHaveTextAsync("Intact");
        await Expect(page.GetByTestId("integrity-digest")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
        await Expect(page.GetByTestId("integrity-key-id")).ToHaveTextAsync(new Regex("^[0-9a-f]{16}$"));

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
        Assert.Equal($"timeline-{raid.Launched.Operation.OperationId}.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("position,event_id,stream_id", csv, StringComparison.Ordinal);
        Assert.Equal(3, csv.Split('\n').Count(line => line.Contains(",site-arrest-logged,", StringComparison.Ordinal)));

        var report = await page.RunAndWaitForPopupAsync(() => page.GetByTestId("open-report").ClickAsync());
        await report.WaitForURLAsync(url => url.StartsWith("blob:", StringComparison.Ordinal));
        await Expect(report.Locator("h1")).ToContainTextAsync("Audit timeline");
        await Expect(report.Locator("body")).ToContainTextAsync("hash chains of the store are intact");

        var token = await page.EvaluateAsync<string>("JSON.parse(sessionStorage.getItem('raidcommand.session')).accessToken");
        Assert.NotEmpty(urls);
        Assert.DoesNotContain(urls, url => url.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_board_links_an_auditor_to_the_audit_page_which_only_reads_and_speaks_both_languages()
    {
        var raid = await fixture.RaidAsync();
        await using var context = await fixture.NewContextAsync("zh-CN");
        var board = await SignInPage.OpenSignedInAsync(context, raid.Launched.BoardPath, AuditReplayFixture.AuditorUserName, AuditReplayFixture.AuditorPassword);
        var methods = new List<string>();
        context.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/", StringComparison.Ordinal)) methods.Add(request.Method);
        };

        await board.GetByTestId("audit-link").ClickAsync();
        await board.WaitForURLAsync(url => url.EndsWith(raid.AuditPath, StringComparison.Ordinal));
        await ExpectLoadedAsync(board);
        await Expect(board.Locator(".top-bar .title")).ToHaveTextAsync("审计回放");
        await Expect(Arrests(board).Filter(new() { HasText = "王五" }).GetByTestId("late-flag")).ToHaveTextAsync("补录");
        await board.GetByTestId("time-instant").FillAsync(WallClockInHomeZone(raid.BetweenFirstAndSecondArrest));
        await ExpectShownAsync(board, raid.BetweenFirstAndSecondArrest, "recorded");
        await board.GetByTestId("verify-integrity").ClickAsync();
        await Expect(board.GetByTestId("integrity-result")).ToHaveTextAsync("完整");
        await Screenshots.SaveAsync(board, "audit-zh-CN");

        await board.GetByTestId("language-switch").ClickAsync();
        await Expect(board.Locator(".top-bar .title")).ToHaveTextAsync("Audit replay");
        await Expect(board.GetByTestId("integrity-result")).ToHaveTextAsync("Intact");
        await Expect(AsOf(board).GetByTestId("as-of-status")).ToContainTextAsync("recorded clock");
        await Screenshots.SaveAsync(board, "audit-en");

        Assert.NotEmpty(methods);
        Assert.All(methods, method => Assert.Equal("GET", method));
        Assert.Equal(0, await board.Locator("form[method=post], input[type=submit], button[type=submit]").CountAsync());
    }

    /// <summary>As JavaScript's toISOString writes it, which is how the page marks the instant it shows.</summary>
    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The value a datetime-local input holds for the instant on the home city's clock, in the browser's shortest form.</summary>
    private static string WallClockInHomeZone(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, HomeZone);
        var value = local.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.');
        return value.EndsWith(":00", StringComparison.Ordinal) ? value[..^3] : value;
    }
}
