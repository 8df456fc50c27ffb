using System.Collections.Immutable;
using RaidCommand.Domain.Custody;
using RaidCommand.Domain.Transfers;
using static RaidCommand.Domain.Tests.Fixtures;

namespace RaidCommand.Domain.Tests.Transfers;

internal static class TransferSpec
{
    public static readonly Guid TransferId = new("70000000-0000-0000-0000-000000000082");
    public static readonly Guid OtherTransfer = new("70000000-0000-0000-0000-000000000099");
    public static readonly Guid OtherOperation = new("00000000-0000-0000-0000-000000000999");
    public static readonly Guid EscortTeam = new("20000000-0000-0000-0000-000000000082");
    public static readonly DateTimeOffset At = Now.AddMinutes(-20);

    public static CustodyState DetainedIn(Guid person, string city, params object[] more) =>
        new object[]
        {
            new PersonArrested(person, OperationId, ZzSite, city, null, $"T-{person.ToString()[^3..]}", null, ZzTeam, At.AddHours(-5)),
            new Questioned(person, "Insp Feng", "den", At.AddHours(-4)),
            new CriminallyDetained(person, "Director Ma", "Detention centre", city, At.AddHours(-3)),
        }.Concat(more).Aggregate(CustodyState.Initial, CustodyState.Evolve);

    /// <summary>
    /// Persons 1-3 detained in Zhengzhou; 4 detained in Shanghai; 5 released; 6 questioned only; 7 on another transfer;
    /// 8 unknown; 9 detained in Zhengzhou for another operation.
    /// </summary>
    public static ImmutableDictionary<Guid, CustodyState> Detainees => new Dictionary<Guid, CustodyState>
    {
        [Person(1)] = DetainedIn(Person(1), Zhengzhou),
        [Person(2)] = DetainedIn(Person(2), Zhengzhou),
        [Person(3)] = DetainedIn(Person(3), Zhengzhou),
        [Person(4)] = DetainedIn(Person(4), Shanghai),
        [Person(5)] = DetainedIn(Person(5), Zhengzhou, new CustodyDecisionCorrected(Person(5), CustodyDecision.CriminallyDetained, "r", "c", At), new Released(Person(5), "x", "r", At)),
        [Person(6)] = new object[]
        {
            new PersonArrested(Person(6), OperationId, ZzSite, Zhengzhou, "Zhao Liu", null, null, ZzTeam, At),
            new Questioned(Person(6), "Insp Feng", "den", At),
        }.Aggregate(CustodyState.Initial, CustodyState.Evolve),
        [Person(7)] = DetainedIn(Person(7), Zhengzhou, new TransferBoarded(Person(7), OtherTransfer, Zhengzhou, At)),
        [Person(9)] = DetainedIn(Person(9), Zhengzhou) with { OperationId = OtherOperation },
    }.ToImmutableDictionary();

    public static TransferPlanned Planned(params Guid[] manifest) =>
        new(TransferId, OperationId, Zhengzhou, Lanzhou, TransferMode.Rail, "Train Z-55 car 8", EscortTeam, manifest, "Chief Wang", Now);

    public static PlanTransfer Plan(params Guid[] manifest) =>
        new(TransferId, OperationId, Zhengzhou, Lanzhou, TransferMode.Rail, "Train Z-55 car 8", EscortTeam, manifest, "Chief Wang");

    public static DeciderSpec<TransferCommand, TransferState> Create(IReadOnlyDictionary<Guid, CustodyState>? custody = null) =>
        new(TransferState.Initial, TransferState.Evolve, (command, state) => TransferDecider.Decide(command, state, custody ?? Detainees, Now));
}
