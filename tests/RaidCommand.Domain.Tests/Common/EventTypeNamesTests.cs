using System.Text.RegularExpressions;
using RaidCommand.Domain.Accounts;
using RaidCommand.Domain.Common;
using RaidCommand.Domain.Custody;
using RaidCommand.Domain.Membership;
using RaidCommand.Domain.Operations;
using RaidCommand.Domain.Sites;
using RaidCommand.Domain.Transfers;

namespace RaidCommand.Domain.Tests.Common;

public partial class EventTypeNamesTests
{
    /// <summary>Records of the domain that are not events: values, states, contexts, helpers.</summary>
    private static readonly Type[] NotEvents =
    [
        typeof(Money), typeof(OriginCase), typeof(CityRef), typeof(OperationCity), typeof(OperationSite), typeof(OperationTeam),
        typeof(OperationState), typeof(SiteState), typeof(SiteContext), typeof(CustodyState), typeof(TransferState), typeof(PersonCustodyEvent),
        typeof(AccountState), typeof(MembershipState), typeof(Member), typeof(MembershipContext),
    ];

    [Fact]
    public void Names_are_unique_and_kebab_case()
    {
        var names = DomainEventTypes.TypeNames.Values.ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, name => Assert.Matches(KebabCase(), name));
    }

    [Fact]
    public void Every_event_record_of_the_domain_is_registered()
    {
        var events = typeof(DomainEventTypes).Assembly.GetExportedTypes()
            .Where(t => t.IsSealed && t.GetProperty("EqualityContract", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance) is not null)
            .Where(t => !IsCommand(t) && !NotEvents.Contains(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => t.FullName);

        Assert.Equal(events, DomainEventTypes.TypeNames.Keys.OrderBy(t => t.FullName, StringComparer.Ordinal).Select(t => t.FullName));
    }

    [Fact]
    public void Each_stream_registers_its_own_events()
    {
        Assert.Equal(11, OperationEvents.TypeNames.Count);
        Assert.Equal(11, SiteEvents.TypeNames.Count);
        Assert.Equal(11, CustodyEvents.TypeNames.Count);
        Assert.Equal(7, TransferEvents.TypeNames.Count);
        Assert.Equal(6, AccountEvents.TypeNames.Count);
        Assert.Equal(2, MembershipEvents.TypeNames.Count);
        Assert.Equal("operation-opened", OperationEvents.TypeNames[typeof(OperationOpened)]);
        Assert.Equal("transfer-headcount-mismatch-detected", TransferEvents.TypeNames[typeof(HeadcountMismatchDetected)]);
    }

    [Fact]
    public void Names_map_back_to_their_types()
    {
        Assert.Equal(DomainEventTypes.TypeNames.Count, DomainEventTypes.ByName.Count);
        Assert.All(DomainEventTypes.TypeNames, pair => Assert.Equal(pair.Key, DomainEventTypes.ByName[pair.Value]));
    }

    private static bool IsCommand(Type type) =>
        type.BaseType is { } b && (b == typeof(OperationCommand) || b == typeof(SiteCommand) || b == typeof(CustodyCommand) || b == typeof(TransferCommand)
            || b == typeof(AccountCommand) || b == typeof(MembershipCommand) || b == typeof(SiteCorrection));

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex KebabCase();
}
