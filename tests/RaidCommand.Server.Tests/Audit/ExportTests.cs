using System.Text.Json;
using RaidCommand.Server.Tests.Infrastructure;
using RaidCommand.Server.Tests.Security;

namespace RaidCommand.Server.Tests.Audit;

public sealed class ExportTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    [Fact]
    public async Task The_json_export_parses_back_to_the_same_events_as_the_timeline()
    {
        var raid = await SecuredRaid.CreateAsync(factory);
        var auditor = raid.Client(Caller.Auditor);

        var exported = JsonDocument.Parse(await auditor.Http.GetStringAsync(new Uri($"{raid.Raid.OperationPath}/export.json", UriKind.Relative))).RootElement;
        var timeline = (await auditor.GetJsonAsync($"{raid.Raid.OperationPath}/timeline?limit=5000")).GetProperty("entries");

        Assert.Equal(Identity(timeline), Identity(exported));
        Assert.Equal(timeline.EnumerateArray().Select(e => e.GetProperty("data").GetRawText()), exported.EnumerateArray().Select(e => e.GetProperty("data").GetRawText()));
    }

    [Fact]
    public async Task A_detained_persons_csv_has_a_quoted_row_per_event_of_their_file()
    {
        var raid = await SecuredRaid.CreateAsync(factory);
        var auditor = raid.Client(Caller.Auditor);

        using var response = await auditor.Http.GetAsync(new Uri($"{raid.Raid.OperationPath}/export.csv?person={raid.PersonId}", UriKind.Relative));
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var timeline = (await auditor.GetJsonAsync($"{raid.Raid.OperationPath}/timeline?person={raid.PersonId}")).GetProperty("entries");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("position,event_id,", lines[0], StringComparison.Ordinal);
        Assert.Equal(timeline.GetArrayLength(), lines.Length - 1);
        Assert.Contains(lines, line => line.Contains("\"Criminally detained (刑事拘留), approved by Deputy Director Ma, held at Lanzhou No. 1 Detention Centre\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_printable_report_ends_with_the_signed_chain_digest()
    {
        var raid = await SecuredRaid.CreateAsync(factory);

        var html = await raid.Client(Caller.Commander).Http.GetStringAsync(new Uri($"{raid.Raid.OperationPath}/report", UriKind.Relative));

        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("Arrest at site", html, StringComparison.Ordinal);
        Assert.Contains("raidcommand-integrity-v1", html, StringComparison.Ordinal);
        Assert.Matches("<p class=\"mono\">[0-9a-f]{64}</p>", html);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Identity(JsonElement entries) =>
        entries.EnumerateArray().Select(e => $"{e.GetProperty("eventId").GetGuid()}@{e.GetProperty("position").GetString()}/{e.GetProperty("type").GetString()}");
}
