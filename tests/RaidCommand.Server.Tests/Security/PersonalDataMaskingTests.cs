using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RaidCommand.Server.Tests.Infrastructure;
using static RaidCommand.Server.Tests.Security.Caller;

namespace RaidCommand.Server.Tests.Security;

/// <summary>
/// Identity document and bank account numbers appear in full only to commanders and auditors of the operation. The
/// read endpoints are taken from the running server, so a new read model is covered without being listed here.
/// </summary>
public sealed class PersonalDataMaskingTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    private static readonly string[] PersonalValues = [SecuredRaid.IdentityDocumentNumber, SecuredRaid.AccountNumber];

    [Fact]
    public async Task Field_officers_never_see_personal_numbers_in_any_read_model()
    {
        var raid = await SecuredRaid.CreateAsync(factory);

        var bodies = await ReadEverythingAsync(raid, FieldOfficer);

        Assert.NotEmpty(bodies);
        Assert.All(bodies, body => Assert.DoesNotContain(PersonalValues, value => body.Text.Contains(value, StringComparison.Ordinal)));
        Assert.Contains(bodies, body => body.Text.Contains("**************1234", StringComparison.Ordinal));
        Assert.Contains(bodies, body => body.Text.Contains("***************2222", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Commander)]
    [InlineData(Auditor)]
    public async Task Commanders_and_auditors_see_them_in_full(Caller caller)
    {
        var raid = await SecuredRaid.CreateAsync(factory);

        var text = string.Join("\n", (await ReadEverythingAsync(raid, caller)).Select(body => body.Text));

        Assert.All(PersonalValues, value => Assert.Contains(value, text, StringComparison.Ordinal));
    }

    /// <summary>
    /// Every GET endpoint the caller may read (account administration and, for field officers, the member list are
    /// not theirs), read once the read models have caught up; the person's record, the transfer, the custody register
    /// and the funds register must be among them.
    /// </summary>
    private async Task<List<(string Path, string Text)>> ReadEverythingAsync(SecuredRaid raid, Caller caller)
    {
        var after = raid.LastPosition;
        var paths = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) == true)
            .Select(e => e.RoutePattern.RawText!)
            .Where(p => p.StartsWith("/api/", StringComparison.Ordinal) && !p.StartsWith("/api/admin", StringComparison.Ordinal))
            .Select(p => p
                .Replace("{operationId:guid}", raid.Raid.OperationId.ToString(), StringComparison.Ordinal)
                .Replace("{personId:guid}", raid.PersonId.ToString(), StringComparison.Ordinal)
                .Replace("{transferId:guid}", raid.TransferId.ToString(), StringComparison.Ordinal))
            .ToList();
        Assert.DoesNotContain(paths, p => p.Contains('{', StringComparison.Ordinal));

        var bodies = new List<(string Path, string Text)>();
        foreach (var path in paths)
        {
            // ?after= waits until the read model holds everything the set-up wrote.
            using var response = await raid.Http(caller).GetAsync(new Uri($"{path}?after={after}", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.Forbidden)
            {
                continue;
            }

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} as {caller}: {(int)response.StatusCode}");
            bodies.Add((path, await response.Content.ReadAsStringAsync()));
        }

        Assert.Contains(bodies, body => body.Path.Contains(raid.PersonId.ToString(), StringComparison.Ordinal));
        Assert.Contains(bodies, body => body.Path.Contains(raid.TransferId.ToString(), StringComparison.Ordinal));
        Assert.Contains(bodies, body => body.Path.EndsWith("/custody", StringComparison.Ordinal));
        Assert.Contains(bodies, body => body.Path.EndsWith("/funds", StringComparison.Ordinal));
        return bodies;
    }
}
