using RaidCommand.Domain.Common;
using RaidCommand.Domain.Operations;

namespace RaidCommand.Domain.Tests;

/// <summary>The "5·26" case: a Lanzhou victim report, dens in Zhengzhou and Shanghai.</summary>
public static class Fixtures
{
    public const string Zone = "Asia/Shanghai";
    public const string Zhengzhou = "ZZ";
    public const string Shanghai = "SH";
    public const string Lanzhou = "LZ";

    public static readonly DateTimeOffset Now = new(2026, 5, 26, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset ReportedAt = new(2026, 4, 15, 2, 30, 0, TimeSpan.Zero);

    /// <summary>06:00 Beijing time on 26 May.</summary>
    public static readonly DateTimeOffset HHour = new(2026, 5, 25, 22, 0, 0, TimeSpan.Zero);

    public static readonly Guid OperationId = new("00000000-0000-0000-0000-000000000526");
    public static readonly Guid ZzSite = new("10000000-0000-0000-0000-000000000001");
    public static readonly Guid ShSite = new("10000000-0000-0000-0000-000000000002");
    public static readonly Guid ZzTeam = new("20000000-0000-0000-0000-000000000001");
    public static readonly Guid ShTeam = new("20000000-0000-0000-0000-000000000002");

    public static readonly OriginCase Origin = new("LZ-2026-0415", Money.Cny(15_000m), ReportedAt);
    public static readonly CityRef Home = new(Lanzhou, "Lanzhou", Zone);

    public static Guid Person(int n) => new($"30000000-0000-0000-0000-{n:D12}");

    public static OperationOpened Opened => new(OperationId, "5·26", "Cross-city telecom fraud ring", Origin, Home, "Chief Wang", Now);

    public static object[] Planned =>
    [
        Opened,
        new CityAdded(OperationId, Zhengzhou, "Zhengzhou", "Cmdr Li", Zone),
        new CityAdded(OperationId, Shanghai, "Shanghai", "Cmdr Zhou", Zone),
        new SiteRegistered(OperationId, ZzSite, Zhengzhou, "Jinshui Rd 7, floor 12", 40, null),
        new SiteRegistered(OperationId, ShSite, Shanghai, "Pudong office park B", 20, "two exits"),
        new TeamFormed(OperationId, ZzTeam, "ZZ-1", "Sgt Zhao", 30, Zhengzhou),
        new TeamFormed(OperationId, ShTeam, "SH-1", "Sgt Sun", 18, Shanghai),
        new TeamAssignedToSite(OperationId, ZzTeam, ZzSite),
        new TeamAssignedToSite(OperationId, ShTeam, ShSite),
        new StrikeTimeSet(OperationId, HHour),
    ];

    public static object[] Approved => [.. Planned, new PlanApproved(OperationId, "Director Ma", Now)];

    public static object[] ZhengzhouLaunched => [.. Approved, new CityLaunched(OperationId, Zhengzhou, "Chief Wang", Now)];

    public static OperationState StateOf(params object[] events) => events.Aggregate(OperationState.Initial, OperationState.Evolve);
}
