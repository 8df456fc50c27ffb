using RaidCommand.Domain.Membership;
using RaidCommand.Domain.Operations;
using RaidCommand.Domain.Sites;
using RaidCommand.Domain.Transfers;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Security.Authorization;

/// <summary>
/// What only the loaded state can tell about a field officer: their team must be the one assigned to the site they
/// log for (and the one the entry names), or the one escorting the transfer. Commanders are not limited to a team.
/// </summary>
public static class FieldTeamAccess
{
    public static void RequireOwnSite(Actor actor, OperationState operation, SiteCommand command)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(command);
        if (actor.Role != Capacities.FieldOfficer)
        {
            return;
        }

        var assigned = actor.TeamId is { } team && operation.Teams.TryGetValue(team, out var own) && own.SiteId == command.SiteId;
        if (!assigned || command.TeamId != actor.TeamId)
        {
            throw new AccessDeniedException("Field officers log only for their own team, at the sites assigned to it.");
        }
    }

    public static void RequireEscortTeam(Actor actor, TransferState transfer)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(transfer);
        if (actor.Role == Capacities.FieldOfficer && actor.TeamId != transfer.EscortTeamId)
        {
            throw new AccessDeniedException("Field officers log a transfer's steps only when their team escorts it.");
        }
    }
}
