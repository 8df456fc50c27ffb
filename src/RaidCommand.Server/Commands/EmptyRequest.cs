namespace RaidCommand.Server.Commands;

/// <summary>The body of a command whose route says everything, e.g. an approval: an empty JSON object.</summary>
public sealed record EmptyRequest;
