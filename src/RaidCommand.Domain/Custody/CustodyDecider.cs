using RaidCommand.Domain.Common;

namespace RaidCommand.Domain.Custody;

/// <summary>
/// Decides one arrested person's custody record. After questioning exactly one decision is made
/// (detain / bail / release / hand over); a second decision requires a <see cref="CorrectCustodyDecision"/> first.
/// Nothing about the person changes while they are on a transfer.
/// </summary>
public static class CustodyDecider
{
    public static IReadOnlyList<object> Decide(CustodyCommand command, CustodyState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);

        var at = Guard.OccurredAt(command.OccurredAt, now);
        if (command is OpenCustodyRecord open)
        {
            return Open(open, state, at);
        }

        if (!state.IsOpen)
        {
            throw DomainRuleViolation.Conflict("custody.not-arrested", $"There is no custody record for person {command.PersonId}.");
        }

        if (state.IsInTransfer)
        {
            throw DomainRuleViolation.Conflict(
                "custody.in-transfer", $"Person {command.PersonId} is on transfer {state.ActiveTransferId}; complete the hand-over first.");
        }

        return command switch
        {
            RecordQuestioning c => Question(c, state, at),
            DetainCriminally c => Decision(state, () =>
            {
                Guard.Text(c.ApprovingOfficer, "custody.approving-officer-required", "Approving officer");
                Guard.Text(c.Facility, "custody.facility-required", "Facility");
                return new CriminallyDetained(c.PersonId, c.ApprovingOfficer, c.Facility, state.CityCode ?? string.Empty, at);
            }),
            GrantBailPendingTrial c => Decision(state, () =>
            {
                Guard.Text(c.ApprovedBy, "custody.approver-required", "Approving officer");
                return new BailedPendingTrial(c.PersonId, c.ApprovedBy, c.Conditions, at);
            }),
            ReleasePerson c => Decision(state, () =>
            {
                Guard.Text(c.ReleasedBy, "custody.releasing-officer-required", "Releasing officer");
                Guard.Text(c.Reason, "custody.reason-required", "Reason");
                return new Released(c.PersonId, c.ReleasedBy, c.Reason, at);
            }),
            HandOverToJurisdiction c => Decision(state, () =>
            {
                Guard.Text(c.Jurisdiction, "custody.jurisdiction-required", "Jurisdiction");
                Guard.Text(c.ReceivingOfficer, "custody.receiving-officer-required", "Receiving officer");
                return new HandedOverToJurisdiction(c.PersonId, c.Jurisdiction, c.ReceivingOfficer, at);
            }),
            RecordHeldAt c => HeldAt(c, state, at),
            CorrectCustodyDecision c => Correct(c, state, at),
            _ => throw DomainRuleViolation.Invalid("custody.unknown-command", $"Unknown command {command.GetType().Name}."),
        };
    }

    private static object[] Open(OpenCustodyRecord c, CustodyState state, DateTimeOffset at)
    {
        if (state.IsOpen)
        {
            throw DomainRuleViolation.Conflict("custody.already-open", $"Person {c.PersonId} already has a custody record.");
        }

        Guard.Id(c.PersonId, "custody.person-id-required", "Person id");
        Guard.Id(c.OperationId, "custody.operation-id-required", "Operation id");
        Guard.Id(c.SiteId, "custody.site-id-required", "Site id");
        Guard.Text(c.CityCode, "custody.city-required", "City");
        if (string.IsNullOrWhiteSpace(c.Name) && string.IsNullOrWhiteSpace(c.LocalTag))
        {
            throw DomainRuleViolation.Invalid("custody.person-unidentified", "Either a name or a site-local tag is required.");
        }

        return [new PersonArrested(c.PersonId, c.OperationId, c.SiteId, c.CityCode, c.Name, c.LocalTag, c.IdentityDocumentNumber, c.TeamId, at)];
    }

    private static object[] Question(RecordQuestioning c, CustodyState state, DateTimeOffset at)
    {
        RequireInPoliceHands(state);
        Guard.Text(c.QuestionedBy, "custody.questioner-required", "Questioning officer");
        Guard.Text(c.Location, "custody.location-required", "Location");
        return [new Questioned(c.PersonId, c.QuestionedBy, c.Location, at)];
    }

    private static object[] Decision(CustodyState state, Func<object> decide)
    {
        if (!state.HasBeenQuestioned)
        {
            throw DomainRuleViolation.Conflict("custody.not-questioned", "A decision requires on-site questioning first.");
        }

        if (state.Decision != CustodyDecision.None)
        {
            throw DomainRuleViolation.Conflict(
                "custody.decision-already-made", $"A decision ({state.Decision}) is already recorded; correct it first.");
        }

        return [decide()];
    }

    private static object[] HeldAt(RecordHeldAt c, CustodyState state, DateTimeOffset at)
    {
        RequireInPoliceHands(state);
        Guard.Text(c.Facility, "custody.facility-required", "Facility");
        Guard.Text(c.CityCode, "custody.city-required", "City");
        return [new HeldAt(c.PersonId, c.Facility, c.CityCode, at)];
    }

    private static object[] Correct(CorrectCustodyDecision c, CustodyState state, DateTimeOffset at)
    {
        Guard.Text(c.Reason, "custody.reason-required", "Reason");
        Guard.Text(c.CorrectedBy, "custody.corrector-required", "Correcting officer");
        if (state.Decision == CustodyDecision.None)
        {
            throw DomainRuleViolation.Conflict("custody.no-decision", "There is no decision to correct.");
        }

        return [new CustodyDecisionCorrected(c.PersonId, state.Decision, c.Reason, c.CorrectedBy, at)];
    }

    private static void RequireInPoliceHands(CustodyState state)
    {
        if (!state.IsInPoliceHands)
        {
            throw DomainRuleViolation.Conflict("custody.not-in-custody", $"The person is no longer held ({state.Decision}).");
        }
    }
}
