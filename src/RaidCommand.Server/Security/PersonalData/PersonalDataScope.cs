namespace RaidCommand.Server.Security.PersonalData;

/// <summary>
/// Whether the current request may see personal fields in full. Ambient (async-local) because serialization happens
/// deep inside the result, far from the authorization decision. Masked unless a request explicitly reveals.
/// </summary>
public static class PersonalDataScope
{
    private static readonly AsyncLocal<bool> Revealed = new();

    public static bool IsRevealed => Revealed.Value;

    /// <summary>Sets the current flow's choice; flows into everything awaited after it, not back to callers.</summary>
    public static void Set(bool revealed) => Revealed.Value = revealed;
}
