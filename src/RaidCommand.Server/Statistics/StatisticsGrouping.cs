namespace RaidCommand.Server.Statistics;

/// <summary>How campaign statistics are broken down: by the city where a fact happened, or by the local month it happened in.</summary>
public enum StatisticsGrouping
{
    City,
    Month,
}
