using RaidCommand.Server.Tests.Api;
using RaidCommand.Server.Tests.Custody;
using RaidCommand.Server.Tests.Infrastructure;
using RaidCommand.Server.Tests.Transfers;

namespace RaidCommand.Server.Tests.Security;

/// <summary>Who calls, relative to the secured raid's operation.</summary>
public enum Caller
{
    Anonymous,
    Administrator,
    Commander,
    OutsideCommander,
    FieldOfficer,
    OtherTeamFieldOfficer,
    OutsideFieldOfficer,
    Auditor,
    OutsideAuditor,
}

/// <summary>
/// A launched two-city raid with every kind of caller set up through the real API: its commander (who opened it), a
/// field officer of the team assigned to the first site and one of the second site's team, an auditor, and
/// outsiders holding each role but on no part of it. The first site has an arrested, detained person with an
/// identity document number, a freeze of a bank account, and a transfer escorted by the first site's team.
/// </summary>
public sealed class SecuredRaid
{
    public const string IdentityDocumentNumber = "410105199001011234";
    public const string AccountNumber = "6222 0000 1111 2222";

    private readonly Dictionary<Caller, ApiClient> _clients;
    private readonly HttpClient _anonymous;

    private SecuredRaid(string lastPosition, RaidScenario raid, HttpClient anonymous, Dictionary<Caller, ApiClient> clients, Guid personId, Guid transferId, Guid memberToRemove, Guid account)
    {
        LastPosition = lastPosition;
        Raid = raid;
        _anonymous = anonymous;
        _clients = clients;
        PersonId = personId;
        TransferId = transferId;
        MemberToRemove = memberToRemove;
        Account = account;
    }

    public RaidScenario Raid { get; }

    /// <summary>The feed position of the set-up's last command (the transfer's plan), for ?after= reads.</summary>
    public string LastPosition { get; }

    public StaffedSite OwnSite => Raid.Sites[0];

    public StaffedSite OtherSite => Raid.Sites[1];

    public Guid PersonId { get; }

    public Guid TransferId { get; }

    /// <summary>An auditor put on the operation only to be taken off by the access tests.</summary>
    public Guid MemberToRemove { get; }

    /// <summary>An account on no operation, for the account-administration endpoints to act on.</summary>
    public Guid Account { get; }

    /// <summary>A signed-in caller's client (not for <see cref="Caller.Anonymous"/>).</summary>
    public ApiClient Client(Caller caller) => _clients[caller];

    /// <summary>The HTTP client of any caller, anonymous included.</summary>
    public HttpClient Http(Caller caller) => caller == Caller.Anonymous ? _anonymous : _clients[caller].Http;

    public static async Task<SecuredRaid> CreateAsync(RaidCommandApiFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var commander = factory.CreateApiClient(new TestAccount("commander-a", "commander"));
        var raid = await RaidScenario.LaunchedTwoCityRaidAsync(commander);
        var clients = new Dictionary<Caller, ApiClient>
        {
            [Caller.Administrator] = factory.CreateApiClient(TestAccounts.Administrator),
            [Caller.Commander] = commander,
            [Caller.OutsideCommander] = factory.CreateApiClient(new TestAccount("commander-b", "commander")),
            [Caller.FieldOfficer] = factory.CreateApiClient(new TestAccount("field-own", "field-officer")),
            [Caller.OtherTeamFieldOfficer] = factory.CreateApiClient(new TestAccount("field-other", "field-officer")),
            [Caller.OutsideFieldOfficer] = factory.CreateApiClient(new TestAccount("field-outside", "field-officer")),
            [Caller.Auditor] = factory.CreateApiClient(new TestAccount("auditor-a", "auditor")),
            [Caller.OutsideAuditor] = factory.CreateApiClient(new TestAccount("auditor-b", "auditor")),
        };

        await AddMemberAsync(raid, clients[Caller.FieldOfficer], "field-officer", raid.Sites[0].TeamId);
        await AddMemberAsync(raid, clients[Caller.OtherTeamFieldOfficer], "field-officer", raid.Sites[1].TeamId);
        await AddMemberAsync(raid, clients[Caller.Auditor], "auditor", null);
        var toRemove = factory.CreateApiClient(new TestAccount("auditor-leaving", "auditor"));
        await AddMemberAsync(raid, toRemove, "auditor", null);
        var account = await factory.CreateApiClient(new TestAccount("someone-else", "field-officer")).UserIdAsync();

        // The outside commander runs an operation of their own, so "outside" means "on another operation", not "on none".
        await RaidScenario.OpenAsync(clients[Caller.OutsideCommander], "6·18");

        var arrest = await raid.FieldCommandAsync(raid.Sites[0], "arrests", new
        {
            teamId = raid.Sites[0].TeamId, occurredAt = RaidScenario.JustNow, name = "Chen Ming", identityDocumentNumber = IdentityDocumentNumber,
        });
        await commander.QuestionAndDetainAsync(arrest.CreatedId, "Lanzhou No. 1 Detention Centre");
        await raid.FreezeAsync(raid.Sites[0], 120_000m);
        var plan = await commander.CommandAsync($"{raid.OperationPath}/transfers", TransferSteps.PlanBody("LZ", "ZZ", raid.Sites[0].TeamId, [arrest.CreatedId]));
        var transferId = plan.CreatedId;
        return new SecuredRaid(plan.Position, raid, factory.CreateClient(), clients, arrest.CreatedId, transferId, await toRemove.UserIdAsync(), account);
    }

    private static async Task AddMemberAsync(RaidScenario raid, ApiClient member, string capacity, Guid? teamId) =>
        await raid.Api.CommandAsync($"{raid.OperationPath}/members", new { userId = await member.UserIdAsync(), capacity, teamId });
}
