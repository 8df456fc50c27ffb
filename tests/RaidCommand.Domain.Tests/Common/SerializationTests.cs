using System.Text.Json;
using System.Text.Json.Serialization;
using RaidCommand.Domain.Accounts;
using RaidCommand.Domain.Common;
using RaidCommand.Domain.Custody;
using RaidCommand.Domain.Membership;
using RaidCommand.Domain.Operations;
using RaidCommand.Domain.Sites;
using RaidCommand.Domain.Transfers;
using static RaidCommand.Domain.Tests.Fixtures;

namespace RaidCommand.Domain.Tests.Common;

/// <summary>Every event survives the store's JSON settings (web defaults, enums as strings) unchanged.</summary>
public class SerializationTests
{
    private static readonly JsonSerializerOptions StoreJson = CreateOptions();

    private static readonly Guid Id = new("90000000-0000-0000-0000-000000000001");

    private static object[] Samples =>
    [
        Opened,
        new UnitAttached(OperationId, "Anti-fraud centre", UnitKind.AntiFraud),
        new CityAdded(OperationId, Zhengzhou, "Zhengzhou", "Cmdr Li", Zone),
        new SiteRegistered(OperationId, ZzSite, Zhengzhou, "Jinshui Rd 7", 40, "two exits"),
        new TeamFormed(OperationId, ZzTeam, "ZZ-1", "Sgt Zhao", 30, Zhengzhou),
        new TeamAssignedToSite(OperationId, ZzTeam, ZzSite),
        new StrikeTimeSet(OperationId, HHour),
        new CityStrikeTimeOverridden(OperationId, Shanghai, HHour),
        new PlanApproved(OperationId, "Director Ma", Now),
        new CityLaunched(OperationId, Zhengzhou, "Chief Wang", Now),
        new OperationConcluded(OperationId, "Chief Wang", null, Now),
        new SiteBreached(OperationId, ZzSite, ZzTeam, Now),
        new SiteSecured(OperationId, ZzSite, ZzTeam, Now),
        new SiteDismantled(OperationId, ZzSite, ZzTeam, Now),
        new ArrestLogged(OperationId, ZzSite, Zhengzhou, Person(1), null, "ZZ-07-014", null, ZzTeam, Now),
        new SeizureLogged(OperationId, ZzSite, Id, ZzTeam, SeizureCategory.Cash, 1, "Cash box", ["box 1"], "Safe A", Money.Cny(86_500.50m), Now),
        new AssetFrozen(OperationId, ZzSite, Id, ZzTeam, "Zhang San", "ICBC", "6222", Money.Cny(480_000m), "F-1", Now),
        new StopPaymentIssued(OperationId, ZzSite, Id, ZzTeam, "Zhang San", "ICBC", "6222", Money.Cny(15_000m), "S-1", "R-1", Now),
        new SeizureVoided(OperationId, ZzSite, Id, SeizureCategory.Phone, 40, "Counted twice", "li.wei", Now),
        new SeizureQuantityAmended(OperationId, ZzSite, Id, SeizureCategory.Phone, 40, 38, "Recount", "li.wei", Now),
        new FreezeVoided(OperationId, ZzSite, Id, Money.Cny(480_000m), "Wrong account", "li.wei", Now),
        new StopPaymentVoided(OperationId, ZzSite, Id, Money.Cny(15_000m), "Order withdrawn", "li.wei", Now),
        new PersonArrested(Person(1), OperationId, ZzSite, Zhengzhou, "Li Si", null, "410105199001011234", ZzTeam, Now),
        new Questioned(Person(1), "Insp Feng", "den", Now),
        new CriminallyDetained(Person(1), "Director Ma", "ZZ No.1", Zhengzhou, Now),
        new BailedPendingTrial(Person(1), "Director Ma", "weekly", Now),
        new Released(Person(1), "Insp Feng", "not involved", Now),
        new HandedOverToJurisdiction(Person(1), "Pudong PSB", "Insp Gu", Now),
        new HeldAt(Person(1), "ZZ No.3", Zhengzhou, Now),
        new TransferBoarded(Person(1), Id, Zhengzhou, Now),
        new TransferArrived(Person(1), Id, Lanzhou, Now),
        new TransferHandedOver(Person(1), Id, "LZ centre", "Insp Bai", Lanzhou, Now),
        new CustodyDecisionCorrected(Person(1), CustodyDecision.Released, "wrong person", "Legal officer Han", Now),
        new TransferPlanned(Id, OperationId, Zhengzhou, Lanzhou, TransferMode.Air, "CZ6901", ZzTeam, [Person(1), Person(2)], "Chief Wang", Now),
        new DetaineesBoarded(Id, [Person(1), Person(2)], Now),
        new TransferDeparted(Id, 2, Now),
        new CheckpointReported(Id, "Xi'an", 2, null, Now),
        new TransferReachedDestination(Id, 2, Now),
        new DetaineesHandedOver(Id, "LZ centre", "Insp Bai", 2, [Person(1), Person(2)], Now),
        new HeadcountMismatchDetected(Id, TransferStage.Checkpoint, 2, 1, Now),
        new AccountRegistered(Id, "li.na", "Li Na", [Roles.Auditor], Now),
        new RoleGranted(Id, Roles.Commander, Now),
        new RoleRevoked(Id, Roles.Commander, Now),
        new PasswordChanged(Id, Now),
        new AccountDeactivated(Id, "left the unit", Now),
        new AccountReactivated(Id, Now),
        new MemberAdded(OperationId, Id, Capacities.FieldOfficer, ZzTeam, Now),
        new MemberRemoved(OperationId, Id, "reassigned", Now),
    ];

    [Fact]
    public void There_is_a_sample_of_every_registered_event() =>
        Assert.Equal(
            DomainEventTypes.TypeNames.Keys.Select(t => t.FullName).Order(StringComparer.Ordinal),
            Samples.Select(s => s.GetType().FullName).Order(StringComparer.Ordinal));

    [Fact]
    public void Every_event_round_trips_through_the_store_json()
    {
        var roundTripped = Samples
            .Select(e => JsonSerializer.Deserialize(JsonSerializer.Serialize(e, e.GetType(), StoreJson), e.GetType(), StoreJson)!)
            .ToList();

        Assert.Equal(Events.Describe(Samples), Events.Describe(roundTripped));
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
