using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RaidCommand.Server.Tests.Api;
using RaidCommand.Server.Tests.Infrastructure;
using static RaidCommand.Server.Tests.Security.Caller;

namespace RaidCommand.Server.Tests.Security;

/// <summary>
/// Walks every endpoint the server maps against every kind of caller and checks the answer: 401 without a token,
/// 403 when the caller may not (and then nothing written), anything but 401/403/5xx when they may. The endpoint list
/// comes from the running server, so an endpoint added without an entry in <see cref="Expected"/> fails this test.
/// </summary>
public sealed class AccessMatrixTests(RaidCommandApiFactory factory) : IClassFixture<RaidCommandApiFactory>
{
    private static readonly Caller[] Everyone = Enum.GetValues<Caller>();
    private static readonly Caller[] SignedIn = [.. Everyone.Where(c => c != Anonymous)];
    private static readonly Caller[] Administrators = [Administrator];
    private static readonly Caller[] CommanderRole = [Commander, OutsideCommander];
    private static readonly Caller[] Commanders = [Commander];
    private static readonly Caller[] CommandersOrAdministrators = [Commander, Administrator];
    private static readonly Caller[] AllMembers = [Commander, FieldOfficer, OtherTeamFieldOfficer, Auditor];
    private static readonly Caller[] CommandersAndAuditors = [Commander, Auditor];
    private static readonly Caller[] Auditors = [Auditor, OutsideAuditor];
    private static readonly Caller[] CommandersAndFieldOfficers = [Commander, FieldOfficer, OtherTeamFieldOfficer];

    /// <summary>Field entries for the first site, and steps of the transfer its team escorts: the other team's officer is refused too.</summary>
    private static readonly Caller[] CommandersAndTheTeam = [Commander, FieldOfficer];

    /// <summary>Who may call each endpoint ("METHOD route pattern"), written independently of the server's own rules.</summary>
    private static readonly Dictionary<string, Caller[]> Expected = new(StringComparer.Ordinal)
    {
        ["* /health/live"] = Everyone,
        ["* /health/ready"] = Everyone,
        ["GET /openapi/{documentName}.json"] = SignedIn,
        ["POST /api/auth/sign-in"] = Everyone,
        ["GET /api/me/"] = SignedIn,
        ["POST /api/me/password"] = SignedIn,
        ["GET /api/accounts/"] = Administrators,
        ["POST /api/accounts/"] = Administrators,
        ["POST /api/accounts/{userId:guid}/roles"] = Administrators,
        ["POST /api/accounts/{userId:guid}/role-revocations"] = Administrators,
        ["POST /api/accounts/{userId:guid}/password"] = Administrators,
        ["POST /api/accounts/{userId:guid}/deactivation"] = Administrators,
        ["POST /api/accounts/{userId:guid}/reactivation"] = Administrators,
        ["GET /api/operations/{operationId:guid}/members"] = CommandersAndAuditors,
        ["POST /api/operations/{operationId:guid}/members"] = CommandersOrAdministrators,
        ["POST /api/operations/{operationId:guid}/members/{userId:guid}/removal"] = CommandersOrAdministrators,
        ["POST /api/operations/"] = CommanderRole,
        ["POST /api/operations/{operationId:guid}/units"] = Commanders,
        ["POST /api/operations/{operationId:guid}/cities"] = Commanders,
        ["POST /api/operations/{operationId:guid}/sites"] = Commanders,
        ["POST /api/operations/{operationId:guid}/teams"] = Commanders,
        ["POST /api/operations/{operationId:guid}/assignments"] = Commanders,
        ["POST /api/operations/{operationId:guid}/strike-time"] = Commanders,
        ["POST /api/operations/{operationId:guid}/approval"] = Commanders,
        ["POST /api/operations/{operationId:guid}/launch"] = Commanders,
        ["POST /api/operations/{operationId:guid}/conclusion"] = Commanders,
        ["POST /api/operations/{operationId:guid}/sites/{siteId:guid}/breach"] = CommandersAndTheTeam,
        ["POST /api/operations/{operationId:guid}/sites/{siteId:guid}/secure"] = CommandersAndTheTeam,
        ["POST /api/operations/{operationId:guid}/sites/{siteId:guid}/dismantle"] = CommandersAndTheTeam,
        ["POST /api/operations/{operationId:guid}/sites/{siteId:guid}/arrests"] = CommandersAndTheTeam,
        ["POST /api/operations/{operationId:guid}/sites/{siteId:guid}/seizures"] = CommandersAndTheTeam,
        ["POST /api/operations/{operationId:guid}/sites/{siteId:guid}/freezes"] = CommandersAndTheTeam,
        ["POST /api/operations/{operationId:guid}/sites/{siteId:guid}/stop-payments"] = CommandersAndTheTeam,
        ["POST /api/operations/{operationId:guid}/sites/{siteId:guid}/corrections"] = Commanders,
        ["GET /api/operations/"] = SignedIn,
        ["GET /api/operations/{operationId:guid}/board"] = AllMembers,
        ["GET /api/persons/{personId:guid}"] = AllMembers,
        ["POST /api/persons/{personId:guid}/questioning"] = CommandersAndFieldOfficers,
        ["POST /api/persons/{personId:guid}/detention"] = Commanders,
        ["POST /api/persons/{personId:guid}/bail"] = Commanders,
        ["POST /api/persons/{personId:guid}/release"] = Commanders,
        ["POST /api/persons/{personId:guid}/jurisdiction-handover"] = Commanders,
        ["POST /api/persons/{personId:guid}/location"] = CommandersAndFieldOfficers,
        ["POST /api/persons/{personId:guid}/corrections"] = Commanders,
        ["GET /api/operations/{operationId:guid}/custody"] = AllMembers,
        ["POST /api/operations/{operationId:guid}/transfers"] = Commanders,
        ["GET /api/transfers/{transferId:guid}"] = AllMembers,
        ["POST /api/transfers/{transferId:guid}/board"] = CommandersAndTheTeam,
        ["POST /api/transfers/{transferId:guid}/depart"] = CommandersAndTheTeam,
        ["POST /api/transfers/{transferId:guid}/checkpoints"] = CommandersAndTheTeam,
        ["POST /api/transfers/{transferId:guid}/arrive"] = CommandersAndTheTeam,
        ["POST /api/transfers/{transferId:guid}/handover"] = CommandersAndTheTeam,
        ["GET /api/operations/{operationId:guid}/seizures"] = AllMembers,
        ["GET /api/operations/{operationId:guid}/funds"] = AllMembers,
        ["GET /api/statistics"] = SignedIn,
        ["GET /api/admin/projections"] = Administrators,
        ["GET /api/admin/projections/{name}/dead-letters"] = Administrators,
        ["POST /api/admin/projections/{name}/rebuild"] = Administrators,
        ["GET /api/admin/integrity"] = Administrators,
        ["GET /api/operations/{operationId:guid}/timeline"] = CommandersAndAuditors,
        ["GET /api/operations/{operationId:guid}/timeline/span"] = CommandersAndAuditors,
        ["GET /api/operations/{operationId:guid}/board/as-of"] = CommandersAndAuditors,
        ["GET /api/operations/{operationId:guid}/custody/as-of"] = CommandersAndAuditors,
        ["GET /api/persons/{personId:guid}/as-of"] = CommandersAndAuditors,
        ["GET /api/operations/{operationId:guid}/export.json"] = CommandersAndAuditors,
        ["GET /api/operations/{operationId:guid}/export.csv"] = CommandersAndAuditors,
        ["GET /api/operations/{operationId:guid}/report"] = CommandersAndAuditors,
        ["GET /api/audit/integrity"] = Auditors,
        ["GET /api/audit/public-key"] = SignedIn,

        // Connecting to the hub needs a sign-in; what a connection may subscribe to is checked per Subscribe (LiveHubTests).
        ["* /hubs/command/negotiate"] = SignedIn,
        ["* /hubs/command"] = SignedIn,
    };

    [Fact]
    public async Task Every_endpoint_answers_every_caller_as_its_rule_says()
    {
        var endpoints = MappedEndpoints();
        var unlisted = endpoints.Select(e => e.Key).Where(key => !Expected.ContainsKey(key)).ToList();
        Assert.True(unlisted.Count == 0, $"Endpoints without an expected access rule in this test: {string.Join(", ", unlisted)}");
        Assert.Empty(Expected.Keys.Except(endpoints.Select(e => e.Key)));

        var raid = await SecuredRaid.CreateAsync(factory);
        var wrong = new List<string>();
        foreach (var (key, method, pattern) in endpoints)
        {
            // Deniable callers first: an allowed call may change state (a conclusion, a removal) that later calls see.
            foreach (var caller in Everyone.OrderBy(c => Expected[key].Contains(c)))
            {
                var allowed = Expected[key].Contains(caller);
                var before = await EventCount.InAsync(factory.Database.DataSource);
                using var response = await SendAsync(raid, caller, method, pattern);
                var status = (int)response.StatusCode;
                var denial = caller == Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
                var ok = allowed
                    ? status is not (401 or 403) && status < 500
                    : response.StatusCode == denial && await EventCount.InAsync(factory.Database.DataSource) == before;
                if (!ok)
                {
                    wrong.Add($"{key} as {caller}: {status} (expected {(allowed ? "allowed" : ((int)denial).ToString(System.Globalization.CultureInfo.InvariantCulture))}) {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private List<(string Key, string Method, string Pattern)> MappedEndpoints() =>
        [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => ($"{method} {endpoint.RoutePattern.RawText}", method, endpoint.RoutePattern.RawText!)))
            .Distinct()];

    private static async Task<HttpResponseMessage> SendAsync(SecuredRaid raid, Caller caller, string method, string pattern)
    {
        var path = pattern
            .Replace("{operationId:guid}", raid.Raid.OperationId.ToString(), StringComparison.Ordinal)
            .Replace("{siteId:guid}", raid.OwnSite.SiteId.ToString(), StringComparison.Ordinal)
            .Replace("{personId:guid}", raid.PersonId.ToString(), StringComparison.Ordinal)
            .Replace("{transferId:guid}", raid.TransferId.ToString(), StringComparison.Ordinal)
            .Replace("{userId:guid}", (pattern.Contains("/members/", StringComparison.Ordinal) ? raid.MemberToRemove : raid.Account).ToString(), StringComparison.Ordinal)
            .Replace("{name}", "operation-board", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(method == "*" ? HttpMethod.Get : new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "POST")
        {
            request.Content = new StringContent(AccessMatrixBodies.For(pattern, raid), Encoding.UTF8, "application/json");
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }

        return await raid.Http(caller).SendAsync(request);
    }
}
