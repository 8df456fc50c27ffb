using RaidCommand.Domain.Common;
using RaidCommand.Domain.Custody;
using RaidCommand.Domain.Transfers;
using static RaidCommand.Domain.Tests.Fixtures;
using static RaidCommand.Domain.Tests.Transfers.TransferSpec;

namespace RaidCommand.Domain.Tests.Transfers;

public class TransferStepsTests
{
    private static readonly DateTimeOffset Later = At.AddMinutes(10);

    private static DetaineesBoarded Boarded(params Guid[] persons) => new(TransferId, persons, At);

    private static object[] Departed => [Planned(Person(1), Person(2)), Boarded(Person(1), Person(2)), new TransferDeparted(TransferId, 2, At)];

    private static object[] Arrived => [.. Departed, new TransferReachedDestination(TransferId, 2, Later)];

    [Fact]
    public void Manifest_persons_board() =>
        Create().Given(Planned(Person(1), Person(2))).When(new BoardDetainees(TransferId, [Person(2), Person(1)], At))
            .Then(Boarded(Person(2), Person(1)));

    [Fact]
    public void Boarding_someone_not_on_the_manifest_is_invalid()
    {
        var violation = Create().Given(Planned(Person(1))).When(new BoardDetainees(TransferId, [Person(1), Person(3)], At))
            .ThenFails("transfer.not-on-manifest", ViolationKind.Invalid);
        Assert.Equal([Person(3).ToString()], violation.Subjects);
    }

    [Fact]
    public void Boarding_twice_conflicts() =>
        Create().Given(Planned(Person(1), Person(2)), Boarded(Person(1)))
            .When(new BoardDetainees(TransferId, [Person(1)], At))
            .ThenFails("transfer.already-boarded", ViolationKind.Conflict);

    [Fact]
    public void Boarding_after_departure_conflicts() =>
        Create().Given([Planned(Person(1), Person(2), Person(3)), Boarded(Person(1)), new TransferDeparted(TransferId, 1, At)])
            .When(new BoardDetainees(TransferId, [Person(3)], At))
            .ThenFails("transfer.already-departed", ViolationKind.Conflict);

    [Fact]
    public void A_person_released_since_planning_cannot_board()
    {
        var custody = Detainees.SetItem(
            Person(2),
            DetainedIn(Person(2), Zhengzhou, new CustodyDecisionCorrected(Person(2), CustodyDecision.CriminallyDetained, "r", "c", At)));
        Create(custody).Given(Planned(Person(1), Person(2)))
            .When(new BoardDetainees(TransferId, [Person(2)], At))
            .ThenFails("transfer.person-no-longer-eligible", ViolationKind.Conflict);
    }

    [Fact]
    public void Departure_with_the_full_manifest_aboard_raises_no_alert() =>
        Create().Given(Planned(Person(1), Person(2)), Boarded(Person(1), Person(2)))
            .When(new DepartTransfer(TransferId, 2, At))
            .Then(new TransferDeparted(TransferId, 2, At));

    [Fact]
    public void A_departure_count_that_does_not_match_is_recorded_and_alerted() =>
        Create().Given(Planned(Person(1), Person(2)), Boarded(Person(1), Person(2)))
            .When(new DepartTransfer(TransferId, 1, At))
            .Then(new TransferDeparted(TransferId, 1, At), new HeadcountMismatchDetected(TransferId, TransferStage.Departure, 2, 1, At));

    [Fact]
    public void Departing_without_the_whole_manifest_aboard_is_alerted() =>
        Create().Given(Planned(Person(1), Person(2), Person(3)), Boarded(Person(1), Person(2)))
            .When(new DepartTransfer(TransferId, 2, At))
            .Then(new TransferDeparted(TransferId, 2, At), new HeadcountMismatchDetected(TransferId, TransferStage.Boarding, 3, 2, At));

    [Fact]
    public void Departing_with_nobody_aboard_conflicts() =>
        Create().Given(Planned(Person(1))).When(new DepartTransfer(TransferId, 0, At)).ThenFails("transfer.nobody-boarded", ViolationKind.Conflict);

    [Fact]
    public void Departing_twice_conflicts() =>
        Create().Given(Departed).When(new DepartTransfer(TransferId, 2, At)).ThenFails("transfer.already-departed", ViolationKind.Conflict);

    [Fact]
    public void A_negative_headcount_is_invalid() =>
        Create().Given(Planned(Person(1)), Boarded(Person(1))).When(new DepartTransfer(TransferId, -1, At))
            .ThenFails("transfer.invalid-headcount", ViolationKind.Invalid);

    [Fact]
    public void A_future_step_is_invalid() =>
        Create().Given(Planned(Person(1)), Boarded(Person(1))).When(new DepartTransfer(TransferId, 1, Now.AddHours(2)))
            .ThenFails("time.occurred-at-in-future", ViolationKind.Invalid);

    [Fact]
    public void A_checkpoint_is_reported() =>
        Create().Given(Departed).When(new ReportCheckpoint(TransferId, "Xi'an North", 2, "meal stop", Later))
            .Then(new CheckpointReported(TransferId, "Xi'an North", 2, "meal stop", Later));

    [Fact]
    public void A_checkpoint_count_that_does_not_match_is_recorded_and_alerted() =>
        Create().Given(Departed).When(new ReportCheckpoint(TransferId, "Xi'an North", 1, null, Later))
            .Then(
                new CheckpointReported(TransferId, "Xi'an North", 1, null, Later),
                new HeadcountMismatchDetected(TransferId, TransferStage.Checkpoint, 2, 1, Later));

    [Fact]
    public void A_checkpoint_before_departure_conflicts() =>
        Create().Given(Planned(Person(1)), Boarded(Person(1))).When(new ReportCheckpoint(TransferId, "Xi'an North", 1, null, Later))
            .ThenFails("transfer.not-departed", ViolationKind.Conflict);

    [Fact]
    public void A_checkpoint_after_arrival_conflicts() =>
        Create().Given(Arrived).When(new ReportCheckpoint(TransferId, "Lanzhou West", 2, null, Later))
            .ThenFails("transfer.already-arrived", ViolationKind.Conflict);

    [Fact]
    public void The_transfer_arrives() =>
        Create().Given(Departed).When(new ArriveTransfer(TransferId, 2, Later)).Then(new TransferReachedDestination(TransferId, 2, Later));

    [Fact]
    public void An_arrival_count_that_does_not_match_is_recorded_and_alerted() =>
        Create().Given(Departed).When(new ArriveTransfer(TransferId, 3, Later))
            .Then(new TransferReachedDestination(TransferId, 3, Later), new HeadcountMismatchDetected(TransferId, TransferStage.Arrival, 2, 3, Later));

    [Fact]
    public void Arriving_before_departure_conflicts() =>
        Create().Given(Planned(Person(1)), Boarded(Person(1))).When(new ArriveTransfer(TransferId, 1, Later))
            .ThenFails("transfer.not-departed", ViolationKind.Conflict);

    [Fact]
    public void Arriving_twice_conflicts() =>
        Create().Given(Arrived).When(new ArriveTransfer(TransferId, 2, Later)).ThenFails("transfer.already-arrived", ViolationKind.Conflict);

    [Fact]
    public void The_escort_hands_over_the_boarded_persons() =>
        Create().Given(Arrived).When(new HandOverTransfer(TransferId, "Lanzhou Detention Centre", "Insp Bai", 2, Later))
            .Then(new DetaineesHandedOver(TransferId, "Lanzhou Detention Centre", "Insp Bai", 2, [Person(1), Person(2)], Later));

    [Fact]
    public void A_hand_over_count_that_does_not_match_is_recorded_and_alerted() =>
        Create().Given(Arrived).When(new HandOverTransfer(TransferId, "Lanzhou Detention Centre", "Insp Bai", 1, Later))
            .Then(
                new DetaineesHandedOver(TransferId, "Lanzhou Detention Centre", "Insp Bai", 1, [Person(1), Person(2)], Later),
                new HeadcountMismatchDetected(TransferId, TransferStage.HandOver, 2, 1, Later));

    [Fact]
    public void Handing_over_before_arrival_conflicts() =>
        Create().Given(Departed).When(new HandOverTransfer(TransferId, "Lanzhou Detention Centre", "Insp Bai", 2, Later))
            .ThenFails("transfer.not-arrived", ViolationKind.Conflict);

    [Fact]
    public void Handing_over_twice_conflicts() =>
        Create().Given([.. Arrived, new DetaineesHandedOver(TransferId, "Lanzhou Detention Centre", "Insp Bai", 2, [Person(1), Person(2)], Later)])
            .When(new HandOverTransfer(TransferId, "Lanzhou Detention Centre", "Insp Bai", 2, Later))
            .ThenFails("transfer.already-handed-over", ViolationKind.Conflict);

    [Fact]
    public void Hand_over_names_the_receiving_officer() =>
        Create().Given(Arrived).When(new HandOverTransfer(TransferId, "Lanzhou Detention Centre", "", 2, Later))
            .ThenFails("transfer.receiving-officer-required", ViolationKind.Invalid);
}
