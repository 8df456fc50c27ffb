namespace RaidCommand.Server.Operations.AssigningTeams;

/// <summary>Sends a team to a site in its own city.</summary>
public sealed record AssignTeamRequest(Guid TeamId, Guid SiteId);
