namespace RaidCommand.Server.Operations.FormingTeams;

/// <summary>A strike team. <paramref name="TeamId"/> is optional: derived from the command id when absent.</summary>
public sealed record FormTeamRequest(Guid? TeamId, string Name, string Leader, int Headcount, string CityCode);
