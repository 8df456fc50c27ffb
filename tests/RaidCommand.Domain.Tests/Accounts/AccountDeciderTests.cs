using RaidCommand.Domain.Accounts;
using RaidCommand.Domain.Common;
using static RaidCommand.Domain.Tests.Fixtures;

namespace RaidCommand.Domain.Tests.Accounts;

public class AccountDeciderTests
{
    private static readonly Guid Wang = new("40000000-0000-0000-0000-000000000001");
    private static readonly Guid Admin = new("40000000-0000-0000-0000-000000000099");

    private static AccountRegistered Registered => new(Wang, "wang.wei", "Wang Wei", [Roles.FieldOfficer], Now);

    private static DeciderSpec<AccountCommand, AccountState> Create() =>
        new(AccountState.Initial, AccountState.Evolve, (command, state) => AccountDecider.Decide(command, state, Now));

    [Fact]
    public void An_account_is_registered_with_its_roles_in_a_stable_order() =>
        Create()
            .When(new RegisterAccount(Wang, "wang.wei", " Wang Wei ", [Roles.FieldOfficer, Roles.Commander, Roles.FieldOfficer]))
            .Then(new AccountRegistered(Wang, "wang.wei", "Wang Wei", [Roles.Commander, Roles.FieldOfficer], Now));

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("Wang.Wei")]
    [InlineData("wang wei")]
    [InlineData("王伟")]
    public void User_names_are_short_lower_case_ascii(string userName) =>
        Create().When(new RegisterAccount(Wang, userName, "Wang Wei", [Roles.Auditor])).ThenFails("account.invalid-user-name", ViolationKind.Invalid);

    [Fact]
    public void An_account_needs_a_role() =>
        Create().When(new RegisterAccount(Wang, "wang.wei", "Wang Wei", [])).ThenFails("account.role-required", ViolationKind.Invalid);

    [Fact]
    public void Unknown_roles_are_refused() =>
        Create().When(new RegisterAccount(Wang, "wang.wei", "Wang Wei", ["superuser"])).ThenFails("account.unknown-role", ViolationKind.Invalid);

    [Fact]
    public void An_account_is_registered_once() =>
        Create().Given(Registered).When(new RegisterAccount(Wang, "wang.wei", "Wang Wei", [Roles.Auditor]))
            .ThenFails("account.already-registered", ViolationKind.Conflict);

    [Fact]
    public void Changing_an_unknown_account_is_a_conflict() =>
        Create().When(new GrantRole(Wang, Roles.Auditor)).ThenFails("account.not-registered", ViolationKind.Conflict);

    [Fact]
    public void A_role_is_granted() =>
        Create().Given(Registered).When(new GrantRole(Wang, Roles.Commander)).Then(new RoleGranted(Wang, Roles.Commander, Now));

    [Fact]
    public void Granting_a_role_already_held_changes_nothing() =>
        Create().Given(Registered).When(new GrantRole(Wang, Roles.FieldOfficer)).Then();

    [Fact]
    public void A_role_is_revoked() =>
        Create().Given(Registered).When(new RevokeRole(Wang, Roles.FieldOfficer, Admin)).Then(new RoleRevoked(Wang, Roles.FieldOfficer, Now));

    [Fact]
    public void Revoking_a_role_not_held_changes_nothing() =>
        Create().Given(Registered).When(new RevokeRole(Wang, Roles.Auditor, Admin)).Then();

    [Fact]
    public void Administrators_cannot_revoke_their_own_administrator_role() =>
        Create().Given(Registered, new RoleGranted(Wang, Roles.Administrator, Now))
            .When(new RevokeRole(Wang, Roles.Administrator, Wang))
            .ThenFails("account.self-lockout", ViolationKind.Conflict);

    [Fact]
    public void A_password_change_is_recorded_without_the_password() =>
        Create().Given(Registered).When(new RecordPasswordChange(Wang)).Then(new PasswordChanged(Wang, Now));

    [Fact]
    public void An_account_is_deactivated_with_a_reason_and_reactivated()
    {
        Create().Given(Registered).When(new DeactivateAccount(Wang, " left the unit ", Admin)).Then(new AccountDeactivated(Wang, "left the unit", Now));
        Create().Given(Registered, new AccountDeactivated(Wang, "left", Now)).When(new ReactivateAccount(Wang)).Then(new AccountReactivated(Wang, Now));
    }

    [Fact]
    public void Deactivation_needs_a_reason() =>
        Create().Given(Registered).When(new DeactivateAccount(Wang, " ", Admin)).ThenFails("account.reason-required", ViolationKind.Invalid);

    [Fact]
    public void Nobody_deactivates_their_own_account() =>
        Create().Given(Registered).When(new DeactivateAccount(Wang, "testing", Wang)).ThenFails("account.self-lockout", ViolationKind.Conflict);

    [Fact]
    public void The_state_tracks_roles_and_activity()
    {
        var state = new[] { Registered, new RoleGranted(Wang, Roles.Auditor, Now), new RoleRevoked(Wang, Roles.FieldOfficer, Now), (object)new AccountDeactivated(Wang, "left", Now) }
            .Aggregate(AccountState.Initial, AccountState.Evolve);

        Assert.Equal([Roles.Auditor], state.Roles);
        Assert.False(state.Active);
    }
}
