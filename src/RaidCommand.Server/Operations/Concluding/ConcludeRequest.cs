namespace RaidCommand.Server.Operations.Concluding;

/// <summary>Closes the operation, with an optional summary of results (战果).</summary>
public sealed record ConcludeRequest(string? Summary);
