using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using RaidCommand.Server.Tests.Infrastructure;
using RaidCommand.Server.Tests.Security;

namespace RaidCommand.Server.Tests.Audit;

public sealed class IntegrityTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    [Fact]
    public async Task An_intact_store_gets_a_summary_signed_with_the_published_key_and_the_command_line_agrees()
    {
        var raid = await SecuredRaid.CreateAsync(factory);
        var auditor = raid.Client(Caller.Auditor);

        var summary = await auditor.GetJsonAsync("/api/audit/integrity");
        var publicKey = await auditor.Http.GetStringAsync(new Uri("/api/audit/public-key", UriKind.Relative));

        Assert.True(summary.GetProperty("intact").GetBoolean());
        using var key = ECDsa.Create();
        key.ImportFromPem(publicKey);
        var signed = Encoding.UTF8.GetBytes(summary.GetProperty("signedText").GetString()!);
        var signature = Convert.FromBase64String(summary.GetProperty("signature").GetString()!);
        Assert.True(key.VerifyData(signed, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        Assert.False(key.VerifyData(Encoding.UTF8.GetBytes(summary.GetProperty("signedText").GetString() + "x"), signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        var (exit, output) = await VerifyFromCommandLineAsync();
        Assert.Equal(0, exit);
        Assert.StartsWith("intact:", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("update eventstore.events set data = jsonb_set(data, '{name}', '\"Someone Else\"') where event_type = 'site-arrest-logged'")]
    [InlineData("delete from eventstore.events where event_type = 'site-asset-frozen'")]
    [InlineData("update eventstore.events set occurred_at = occurred_at - interval '1 hour' where event_type = 'custody-criminally-detained'")]
    public async Task A_record_altered_in_sql_is_reported_by_the_endpoint_and_the_command_line(string tampering)
    {
        await SecuredRaid.CreateAsync(factory);
        var auditor = factory.CreateApiClient(new TestAccount("auditor-checking", "auditor"));
        await using (var command = factory.Database.DataSource.CreateCommand(tampering))
        {
            Assert.True(await command.ExecuteNonQueryAsync() > 0);
        }

        var summary = await auditor.GetJsonAsync("/api/audit/integrity");
        var (exit, output) = await VerifyFromCommandLineAsync();

        Assert.False(summary.GetProperty("intact").GetBoolean());
        Assert.Equal(JsonValueKindNull, summary.GetProperty("signature").ValueKind);
        Assert.NotNull(summary.GetProperty("firstBrokenLink").GetProperty("streamId").GetString());
        Assert.Equal(1, exit);
        Assert.StartsWith("BROKEN:", output, StringComparison.Ordinal);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    /// <summary>Runs the built server binary's verify command as an operator would, against this test's database.</summary>
    private async Task<(int Exit, string Output)> VerifyFromCommandLineAsync()
    {
        var server = Path.Combine(AppContext.BaseDirectory, "RaidCommand.Server.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { server, "verify", "--connection", factory.Database.ConnectionString })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output.Trim());
    }
}
