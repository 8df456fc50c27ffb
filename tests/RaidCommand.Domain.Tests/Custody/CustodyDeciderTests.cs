using RaidCommand.Domain.Common;
using RaidCommand.Domain.Custody;
using RaidCommand.Domain.Sites;
using static RaidCommand.Domain.Tests.Custody.CustodySpec;
using static RaidCommand.Domain.Tests.Fixtures;

namespace RaidCommand.Domain.Tests.Custody;

public class CustodyDeciderTests
{
    private static readonly Guid TransferId = new("70000000-0000-0000-0000-000000000001");

    public static TheoryData<string> DecisionKinds => ["detain", "bail", "release", "hand-over"];

    private static CustodyCommand Decision(string kind) => kind switch
    {
        "detain" => new DetainCriminally(Suspect, "Director Ma", "Zhengzhou No.1 Detention Centre", At),
        "bail" => new GrantBailPendingTrial(Suspect, "Director Ma", "Report weekly", At),
        "release" => new ReleasePerson(Suspect, "Insp Feng", "Bystander, not involved", At),
        _ => new HandOverToJurisdiction(Suspect, "Shanghai Pudong PSB", "Insp Gu", At),
    };

    [Fact]
    public void The_record_opens_from_the_site_arrest()
    {
        var arrest = new ArrestLogged(OperationId, ZzSite, Zhengzhou, Suspect, null, "ZZ-07-014", null, ZzTeam, ArrestedAt);
        Create().When(OpenCustodyRecord.From(arrest)).Then(Arrested);
    }

    [Fact]
    public void The_record_opens_once() =>
        Create().Given(Arrested).When(OpenCustodyRecord.From(
                new ArrestLogged(OperationId, ZzSite, Zhengzhou, Suspect, "Wang Wu", null, null, ZzTeam, ArrestedAt)))
            .ThenFails("custody.already-open", ViolationKind.Conflict);

    [Fact]
    public void The_person_needs_a_name_or_a_tag() =>
        Create().When(new OpenCustodyRecord(Suspect, OperationId, ZzSite, Zhengzhou, null, null, null, ZzTeam, ArrestedAt))
            .ThenFails("custody.person-unidentified", ViolationKind.Invalid);

    [Fact]
    public void Nothing_happens_to_a_person_never_arrested() =>
        Create().When(new RecordQuestioning(Suspect, "Insp Feng", "den", At)).ThenFails("custody.not-arrested", ViolationKind.Conflict);

    [Fact]
    public void The_person_is_questioned() =>
        Create().Given(Arrested)
            .When(new RecordQuestioning(Suspect, "Insp Feng", "ZZ den, room 3", ArrestedAt.AddMinutes(20)))
            .Then(QuestionedOnSite);

    [Fact]
    public void Future_occurred_at_is_invalid() =>
        Create().Given(Arrested)
            .When(new RecordQuestioning(Suspect, "Insp Feng", "den", Now.AddMinutes(30)))
            .ThenFails("time.occurred-at-in-future", ViolationKind.Invalid);

    [Theory]
    [MemberData(nameof(DecisionKinds))]
    public void A_decision_before_questioning_conflicts(string kind) =>
        Create().Given(Arrested).When(Decision(kind)).ThenFails("custody.not-questioned", ViolationKind.Conflict);

    [Fact]
    public void Criminal_detention_names_the_approving_officer_and_the_facility_in_the_current_city() =>
        Create().Given(Arrested, QuestionedOnSite).When(Decision("detain")).Then(Detained);

    [Fact]
    public void Bail_pending_trial_is_recorded() =>
        Create().Given(Arrested, QuestionedOnSite).When(Decision("bail"))
            .Then(new BailedPendingTrial(Suspect, "Director Ma", "Report weekly", At));

    [Fact]
    public void Release_is_recorded_with_a_reason() =>
        Create().Given(Arrested, QuestionedOnSite).When(Decision("release"))
            .Then(new Released(Suspect, "Insp Feng", "Bystander, not involved", At));

    [Fact]
    public void Hand_over_to_another_jurisdiction_is_recorded() =>
        Create().Given(Arrested, QuestionedOnSite).When(Decision("hand-over"))
            .Then(new HandedOverToJurisdiction(Suspect, "Shanghai Pudong PSB", "Insp Gu", At));

    [Fact]
    public void Detention_needs_the_approving_officer() =>
        Create().Given(Arrested, QuestionedOnSite)
            .When(new DetainCriminally(Suspect, " ", "Zhengzhou No.1 Detention Centre", At))
            .ThenFails("custody.approving-officer-required", ViolationKind.Invalid);

    [Theory]
    [MemberData(nameof(DecisionKinds))]
    public void A_second_decision_without_correction_conflicts(string kind) =>
        Create().Given(Arrested, QuestionedOnSite, Detained).When(Decision(kind)).ThenFails("custody.decision-already-made", ViolationKind.Conflict);

    [Fact]
    public void A_correction_voids_the_decision_with_reason_and_corrector() =>
        Create().Given(Arrested, QuestionedOnSite, Detained)
            .When(new CorrectCustodyDecision(Suspect, "Wrong person matched to tag", "Legal officer Han", At))
            .Then(new CustodyDecisionCorrected(Suspect, CustodyDecision.CriminallyDetained, "Wrong person matched to tag", "Legal officer Han", At));

    [Fact]
    public void After_a_correction_a_new_decision_is_accepted() =>
        Create().Given(Arrested, QuestionedOnSite, Detained)
            .Given(new CustodyDecisionCorrected(Suspect, CustodyDecision.CriminallyDetained, "Wrong person", "Legal officer Han", At))
            .When(Decision("release"))
            .Then(new Released(Suspect, "Insp Feng", "Bystander, not involved", At));

    [Fact]
    public void Correcting_without_a_decision_conflicts() =>
        Create().Given(Arrested, QuestionedOnSite)
            .When(new CorrectCustodyDecision(Suspect, "typo", "Legal officer Han", At))
            .ThenFails("custody.no-decision", ViolationKind.Conflict);

    [Fact]
    public void A_correction_needs_a_reason() =>
        Create().Given(Arrested, QuestionedOnSite, Detained)
            .When(new CorrectCustodyDecision(Suspect, "", "Legal officer Han", At))
            .ThenFails("custody.reason-required", ViolationKind.Invalid);

    [Fact]
    public void A_detainee_moves_to_another_facility() =>
        Create().Given(Arrested, QuestionedOnSite, Detained)
            .When(new RecordHeldAt(Suspect, "Zhengzhou No.3 Detention Centre", Zhengzhou, At))
            .Then(new HeldAt(Suspect, "Zhengzhou No.3 Detention Centre", Zhengzhou, At));

    [Fact]
    public void A_released_person_is_no_longer_held() =>
        Create().Given(Arrested, QuestionedOnSite, new Released(Suspect, "Insp Feng", "not involved", At))
            .When(new RecordHeldAt(Suspect, "Zhengzhou No.3 Detention Centre", Zhengzhou, At))
            .ThenFails("custody.not-in-custody", ViolationKind.Conflict);

    [Fact]
    public void A_person_bailed_is_not_questioned_in_custody() =>
        Create().Given(Arrested, QuestionedOnSite, new BailedPendingTrial(Suspect, "Director Ma", null, At))
            .When(new RecordQuestioning(Suspect, "Insp Feng", "station", At))
            .ThenFails("custody.not-in-custody", ViolationKind.Conflict);

    [Fact]
    public void Nothing_changes_while_the_person_is_on_a_transfer() =>
        Create().Given(Arrested, QuestionedOnSite, Detained, new TransferBoarded(Suspect, TransferId, Zhengzhou, At))
            .When(new CorrectCustodyDecision(Suspect, "typo", "Legal officer Han", At))
            .ThenFails("custody.in-transfer", ViolationKind.Conflict);

    [Fact]
    public void Transfer_events_move_the_person()
    {
        var spec = Create().Given(Arrested, QuestionedOnSite, Detained, new TransferBoarded(Suspect, TransferId, Zhengzhou, At));
        Assert.Equal(TransferId, spec.State.ActiveTransferId);
        Assert.Null(spec.State.Facility);

        spec.Given(new TransferArrived(Suspect, TransferId, Lanzhou, Now));
        Assert.Equal(Lanzhou, spec.State.CityCode);
        Assert.True(spec.State.IsInTransfer);

        spec.Given(new TransferHandedOver(Suspect, TransferId, "Lanzhou Detention Centre", "Insp Bai", Lanzhou, Now));
        Assert.False(spec.State.IsInTransfer);
        Assert.Equal("Lanzhou Detention Centre", spec.State.Facility);
        Assert.Equal(CustodyDecision.CriminallyDetained, spec.State.Decision);
    }
}
