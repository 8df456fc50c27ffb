using System.Collections.Immutable;
using RaidCommand.Domain.Accounts;
using RaidCommand.Domain.Common;
using RaidCommand.Domain.Membership;
using static RaidCommand.Domain.Tests.Fixtures;

namespace RaidCommand.Domain.Tests.Membership;

public class MembershipDeciderTests
{
    private static readonly Guid Li = new("40000000-0000-0000-0000-000000000001");
    private static readonly Guid Zhao = new("40000000-0000-0000-0000-000000000002");

    private static AccountState Account(params string[] roles) =>
        AccountState.Initial with { Exists = true, UserName = "li.na", DisplayName = "Li Na", Active = true, Roles = ImmutableSortedSet.Create(StringComparer.Ordinal, roles) };

    private static DeciderSpec<MembershipCommand, MembershipState> Create(AccountState? account) =>
        new(MembershipState.Initial, MembershipState.Evolve,
            (command, state) => MembershipDecider.Decide(command, state, new MembershipContext(account, new HashSet<Guid> { ZzTeam }), Now));

    private static MemberAdded CommanderZhao => new(OperationId, Zhao, Capacities.Commander, null, Now);

    [Fact]
    public void A_field_officer_joins_one_of_the_operations_teams() =>
        Create(Account(Roles.FieldOfficer))
            .When(new AddMember(OperationId, Li, Capacities.FieldOfficer, ZzTeam))
            .Then(new MemberAdded(OperationId, Li, Capacities.FieldOfficer, ZzTeam, Now));

    [Fact]
    public void A_field_officer_needs_a_team() =>
        Create(Account(Roles.FieldOfficer)).When(new AddMember(OperationId, Li, Capacities.FieldOfficer, null))
            .ThenFails("membership.team-required", ViolationKind.Invalid);

    [Fact]
    public void The_team_must_be_the_operations() =>
        Create(Account(Roles.FieldOfficer)).When(new AddMember(OperationId, Li, Capacities.FieldOfficer, ShTeam))
            .ThenFails("membership.unknown-team", ViolationKind.Invalid);

    [Fact]
    public void Only_field_officers_have_a_team() =>
        Create(Account(Roles.Auditor)).When(new AddMember(OperationId, Li, Capacities.Auditor, ZzTeam))
            .ThenFails("membership.team-not-applicable", ViolationKind.Invalid);

    [Fact]
    public void The_capacity_needs_the_matching_account_role() =>
        Create(Account(Roles.FieldOfficer)).When(new AddMember(OperationId, Li, Capacities.Auditor, null))
            .ThenFails("membership.role-missing", ViolationKind.Invalid);

    [Fact]
    public void Administrators_are_not_a_capacity() =>
        Create(Account(Roles.Administrator)).When(new AddMember(OperationId, Li, Roles.Administrator, null))
            .ThenFails("membership.unknown-capacity", ViolationKind.Invalid);

    [Fact]
    public void Unknown_accounts_are_refused() =>
        Create(null).When(new AddMember(OperationId, Li, Capacities.Auditor, null)).ThenFails("membership.unknown-account", ViolationKind.Invalid);

    [Fact]
    public void Deactivated_accounts_are_refused() =>
        Create(Account(Roles.Auditor) with { Active = false }).When(new AddMember(OperationId, Li, Capacities.Auditor, null))
            .ThenFails("membership.account-inactive", ViolationKind.Conflict);

    [Fact]
    public void Adding_a_member_as_they_are_changes_nothing() =>
        Create(Account(Roles.Auditor)).Given(new MemberAdded(OperationId, Li, Capacities.Auditor, null, Now))
            .When(new AddMember(OperationId, Li, Capacities.Auditor, null)).Then();

    [Fact]
    public void Changing_a_members_capacity_needs_a_removal_first() =>
        Create(Account(Roles.Auditor, Roles.Commander)).Given(new MemberAdded(OperationId, Li, Capacities.Auditor, null, Now))
            .When(new AddMember(OperationId, Li, Capacities.Commander, null)).ThenFails("membership.already-member", ViolationKind.Conflict);

    [Fact]
    public void A_member_is_removed_with_a_reason() =>
        Create(null).Given(CommanderZhao, new MemberAdded(OperationId, Li, Capacities.Auditor, null, Now))
            .When(new RemoveMember(OperationId, Li, " reassigned ")).Then(new MemberRemoved(OperationId, Li, "reassigned", Now));

    [Fact]
    public void Removing_a_non_member_is_a_conflict() =>
        Create(null).Given(CommanderZhao).When(new RemoveMember(OperationId, Li, "x")).ThenFails("membership.not-a-member", ViolationKind.Conflict);

    [Fact]
    public void The_last_commander_stays() =>
        Create(null).Given(CommanderZhao).When(new RemoveMember(OperationId, Zhao, "handing over"))
            .ThenFails("membership.last-commander", ViolationKind.Conflict);

    [Fact]
    public void A_commander_leaves_once_another_commander_is_on_board() =>
        Create(null).Given(CommanderZhao, new MemberAdded(OperationId, Li, Capacities.Commander, null, Now))
            .When(new RemoveMember(OperationId, Zhao, "handing over")).Then(new MemberRemoved(OperationId, Zhao, "handing over", Now));
}
