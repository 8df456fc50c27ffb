using RaidCommand.Domain.Custody;
using static RaidCommand.Domain.Tests.Fixtures;

namespace RaidCommand.Domain.Tests.Custody;

internal static class CustodySpec
{
    public static readonly DateTimeOffset ArrestedAt = Now.AddHours(-1);
    public static readonly DateTimeOffset At = Now.AddMinutes(-10);
    public static readonly Guid Suspect = Person(14);

    public static PersonArrested Arrested => new(Suspect, OperationId, ZzSite, Zhengzhou, null, "ZZ-07-014", null, ZzTeam, ArrestedAt);

    public static Questioned QuestionedOnSite => new(Suspect, "Insp Feng", "ZZ den, room 3", ArrestedAt.AddMinutes(20));

    public static CriminallyDetained Detained => new(Suspect, "Director Ma", "Zhengzhou No.1 Detention Centre", Zhengzhou, At);

    public static DeciderSpec<CustodyCommand, CustodyState> Create() =>
        new(CustodyState.Initial, CustodyState.Evolve, (command, state) => CustodyDecider.Decide(command, state, Now));
}
