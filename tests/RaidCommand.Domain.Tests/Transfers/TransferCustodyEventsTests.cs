using System.Collections.Immutable;
using RaidCommand.Domain.Custody;
using RaidCommand.Domain.Transfers;
using static RaidCommand.Domain.Tests.Fixtures;
using static RaidCommand.Domain.Tests.Transfers.TransferSpec;

namespace RaidCommand.Domain.Tests.Transfers;

public class TransferCustodyEventsTests
{
    private static TransferState StateOf(params object[] events) => events.Aggregate(TransferState.Initial, TransferState.Evolve);

    [Fact]
    public void Boarding_puts_each_boarded_person_on_the_transfer()
    {
        var custody = TransferCustodyEvents.For(StateOf(Planned(Person(1), Person(2))), [new DetaineesBoarded(TransferId, [Person(1), Person(2)], At)]);

        Assert.Equal(
            Events.Describe([new TransferBoarded(Person(1), TransferId, Zhengzhou, At), new TransferBoarded(Person(2), TransferId, Zhengzhou, At)]),
            Events.Describe(custody.Select(c => c.Event)));
        Assert.Equal([Person(1), Person(2)], custody.Select(c => c.PersonId));
    }

    [Fact]
    public void Departure_and_checkpoints_touch_no_custody_stream() =>
        Assert.Empty(TransferCustodyEvents.For(
            StateOf(Planned(Person(1)), new DetaineesBoarded(TransferId, [Person(1)], At)),
            [new TransferDeparted(TransferId, 0, At), new HeadcountMismatchDetected(TransferId, TransferStage.Departure, 1, 0, At), new CheckpointReported(TransferId, "x", 1, null, At)]));

    [Fact]
    public void Arrival_and_hand_over_move_only_boarded_persons()
    {
        var before = StateOf(
            Planned(Person(1), Person(2)), new DetaineesBoarded(TransferId, [Person(1)], At), new TransferDeparted(TransferId, 1, At));

        var custody = TransferCustodyEvents.For(
            before,
            [
                new TransferReachedDestination(TransferId, 1, Now),
                new DetaineesHandedOver(TransferId, "Lanzhou Detention Centre", "Insp Bai", 1, [Person(1)], Now),
            ]);

        Assert.Equal(
            Events.Describe(
            [
                new TransferArrived(Person(1), TransferId, Lanzhou, Now),
                new TransferHandedOver(Person(1), TransferId, "Lanzhou Detention Centre", "Insp Bai", Lanzhou, Now),
            ]),
            Events.Describe(custody.Select(c => c.Event)));
    }

    [Fact]
    public void Eighty_two_detainees_travel_from_zhengzhou_to_lanzhou_and_every_count_is_reconciled()
    {
        var persons = Enumerable.Range(100, 82).Select(Person).ToArray();
        var custodyStates = persons.ToImmutableDictionary(p => p, p => DetainedIn(p, Zhengzhou));
        var transfer = TransferState.Initial;
        var custodyEvents = new List<PersonCustodyEvent>();
        var alerts = new List<HeadcountMismatchDetected>();

        void Run(TransferCommand command)
        {
            var events = TransferDecider.Decide(command, transfer, custodyStates, Now);
            custodyEvents.AddRange(TransferCustodyEvents.For(transfer, events));
            alerts.AddRange(events.OfType<HeadcountMismatchDetected>());
            transfer = events.Aggregate(transfer, TransferState.Evolve);
        }

        Run(Plan(persons));
        Run(new BoardDetainees(TransferId, persons, At));
        Run(new DepartTransfer(TransferId, 82, At));
        Run(new ReportCheckpoint(TransferId, "Tianshui", 81, "recount requested", At.AddMinutes(5)));
        Run(new ArriveTransfer(TransferId, 82, At.AddMinutes(10)));
        Run(new HandOverTransfer(TransferId, "Lanzhou Detention Centre", "Insp Bai", 82, At.AddMinutes(15)));

        Assert.Equal(TransferStatus.HandedOver, transfer.Status);
        var alert = Assert.Single(alerts);
        Assert.Equal((TransferStage.Checkpoint, 82, 81), (alert.Stage, alert.Expected, alert.Actual));
        Assert.Equal(82 * 3, custodyEvents.Count);

        var finalStates = custodyEvents
            .GroupBy(c => c.PersonId)
            .Select(g => g.Select(c => c.Event).Aggregate(custodyStates[g.Key], CustodyState.Evolve))
            .ToList();
        Assert.Equal(82, finalStates.Count);
        Assert.All(finalStates, s =>
        {
            Assert.Equal(Lanzhou, s.CityCode);
            Assert.Equal("Lanzhou Detention Centre", s.Facility);
            Assert.False(s.IsInTransfer);
        });
    }
}
