namespace RaidCommand.Server.Commands;

/// <summary>Stream naming: one stream per operation, site field log, person in custody and transfer.</summary>
public static class StreamIds
{
    public static string Operation(Guid operationId) => $"operation-{operationId:N}";

    public static string Site(Guid siteId) => $"site-{siteId:N}";

    public static string Person(Guid personId) => $"person-{personId:N}";

    public static string Transfer(Guid transferId) => $"transfer-{transferId:N}";
}
