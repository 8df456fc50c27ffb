namespace RaidCommand.Server.Security.Authentication;

/// <summary>Claims of the tokens this server issues (JWT registered names, no inbound mapping).</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string UserName = "name";
    public const string Device = "device_id";
}
