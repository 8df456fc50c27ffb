namespace RaidCommand.Server.Security.SigningIn;

/// <param name="DeviceId">The phone or workstation signing in; stamped on every event written with the token.</param>
public sealed record SignInRequest(string UserName, string Password, string DeviceId);

public sealed record SignedInUser(Guid Id, string UserName, string DisplayName, IReadOnlyList<string> Roles);

public sealed record SignInResponse(string AccessToken, DateTimeOffset ExpiresAt, SignedInUser User);
