using RaidCommand.Domain.Sites;

namespace RaidCommand.Domain.Custody;

public abstract record CustodyCommand(Guid PersonId, DateTimeOffset OccurredAt);

/// <summary>Opens the custody record of an arrested person. Build it with <see cref="From"/> after an <see cref="ArrestLogged"/>.</summary>
public sealed record OpenCustodyRecord(
    Guid PersonId,
    Guid OperationId,
    Guid SiteId,
    string CityCode,
    string? Name,
    string? LocalTag,
    string? IdentityDocumentNumber,
    Guid TeamId,
    DateTimeOffset OccurredAt)
    : CustodyCommand(PersonId, OccurredAt)
{
    public static OpenCustodyRecord From(ArrestLogged arrest)
    {
        ArgumentNullException.ThrowIfNull(arrest);
        return new(
            arrest.PersonId, arrest.OperationId, arrest.SiteId, arrest.CityCode, arrest.Name, arrest.LocalTag,
            arrest.IdentityDocumentNumber, arrest.TeamId, arrest.OccurredAt);
    }
}

public sealed record RecordQuestioning(Guid PersonId, string QuestionedBy, string Location, DateTimeOffset OccurredAt)
    : CustodyCommand(PersonId, OccurredAt);

/// <summary>刑事拘留 at a facility in the person's current city.</summary>
public sealed record DetainCriminally(Guid PersonId, string ApprovingOfficer, string Facility, DateTimeOffset OccurredAt)
    : CustodyCommand(PersonId, OccurredAt);

public sealed record GrantBailPendingTrial(Guid PersonId, string ApprovedBy, string? Conditions, DateTimeOffset OccurredAt)
    : CustodyCommand(PersonId, OccurredAt);

public sealed record ReleasePerson(Guid PersonId, string ReleasedBy, string Reason, DateTimeOffset OccurredAt)
    : CustodyCommand(PersonId, OccurredAt);

public sealed record HandOverToJurisdiction(Guid PersonId, string Jurisdiction, string ReceivingOfficer, DateTimeOffset OccurredAt)
    : CustodyCommand(PersonId, OccurredAt);

public sealed record RecordHeldAt(Guid PersonId, string Facility, string CityCode, DateTimeOffset OccurredAt)
    : CustodyCommand(PersonId, OccurredAt);

public sealed record CorrectCustodyDecision(Guid PersonId, string Reason, string CorrectedBy, DateTimeOffset OccurredAt)
    : CustodyCommand(PersonId, OccurredAt);
