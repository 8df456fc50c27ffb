using RaidCommand.Domain.Common;

namespace RaidCommand.Domain.Membership;

/// <summary>
/// Decides who is on an operation. Adding someone exactly as they already are changes nothing; changing a
/// member's capacity or team means removing and adding them, so the roster's history says who moved when.
/// An operation always keeps at least one commander.
/// </summary>
public static class MembershipDecider
{
    public static IReadOnlyList<object> Decide(MembershipCommand command, MembershipState state, MembershipContext context, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        Guard.Id(command.OperationId, "membership.operation-id-required", "The operation id");
        Guard.Id(command.UserId, "membership.user-id-required", "The member's user id");

        return command switch
        {
            AddMember c => Add(c, state, context, now),
            RemoveMember c => Remove(c, state, now),
            _ => throw DomainRuleViolation.Invalid("membership.unknown-command", $"Unknown command {command.GetType().Name}."),
        };
    }

    private static IReadOnlyList<object> Add(AddMember command, MembershipState state, MembershipContext context, DateTimeOffset now)
    {
        if (command.Capacity is null || !Capacities.All.Contains(command.Capacity))
        {
            throw DomainRuleViolation.Invalid(
                "membership.unknown-capacity", $"Unknown capacity '{command.Capacity}'; capacities are {string.Join(", ", Capacities.All.Order(StringComparer.Ordinal))}.");
        }

        var account = context.Account;
        if (account is null || !account.Exists)
        {
            throw DomainRuleViolation.Invalid("membership.unknown-account", $"There is no account {command.UserId}.", [command.UserId.ToString()]);
        }

        if (!account.Active)
        {
            throw DomainRuleViolation.Conflict("membership.account-inactive", $"Account {account.UserName} is deactivated.");
        }

        if (!account.Holds(Capacities.RequiredRole(command.Capacity)))
        {
            throw DomainRuleViolation.Invalid(
                "membership.role-missing", $"Account {account.UserName} does not hold the {command.Capacity} role needed to join as one.");
        }

        CheckTeam(command, context);
        var member = new Member(command.UserId, command.Capacity, command.TeamId);
        if (state.Members.TryGetValue(command.UserId, out var existing))
        {
            return existing == member
                ? []
                : throw DomainRuleViolation.Conflict(
                    "membership.already-member", $"{account.UserName} is already a member as {existing.Capacity}; remove them first to change that.");
        }

        return [new MemberAdded(command.OperationId, command.UserId, command.Capacity, command.TeamId, now)];
    }

    private static void CheckTeam(AddMember command, MembershipContext context)
    {
        if (command.Capacity != Capacities.FieldOfficer)
        {
            if (command.TeamId is not null)
            {
                throw DomainRuleViolation.Invalid("membership.team-not-applicable", "Only field officers belong to a team.");
            }

            return;
        }

        if (command.TeamId is not { } team || team == Guid.Empty)
        {
            throw DomainRuleViolation.Invalid("membership.team-required", "A field officer joins as a member of one of the operation's teams.");
        }

        if (!context.Teams.Contains(team))
        {
            throw DomainRuleViolation.Invalid("membership.unknown-team", $"The operation has no team {team}.", [team.ToString()]);
        }
    }

    private static IReadOnlyList<object> Remove(RemoveMember command, MembershipState state, DateTimeOffset now)
    {
        if (!state.Members.TryGetValue(command.UserId, out var member))
        {
            throw DomainRuleViolation.Conflict("membership.not-a-member", $"User {command.UserId} is not a member of the operation.");
        }

        if (member.Capacity == Capacities.Commander && state.CountIn(Capacities.Commander) == 1)
        {
            throw DomainRuleViolation.Conflict("membership.last-commander", "An operation keeps at least one commander; add another before removing this one.");
        }

        Guard.Text(command.Reason, "membership.reason-required", "A reason for the removal");
        return [new MemberRemoved(command.OperationId, command.UserId, command.Reason.Trim(), now)];
    }
}
