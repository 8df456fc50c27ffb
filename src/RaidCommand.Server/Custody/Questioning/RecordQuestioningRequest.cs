namespace RaidCommand.Server.Custody.Questioning;

/// <summary>On-site questioning (讯问) of an arrested person: who questioned them, where, and when.</summary>
public sealed record RecordQuestioningRequest(string QuestionedBy, string Location, DateTimeOffset? OccurredAt);
