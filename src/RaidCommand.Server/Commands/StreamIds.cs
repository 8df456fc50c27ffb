namespace RaidCommand.Server.Commands;

/// <summary>Stream naming: one stream per operation, site field log, person in custody, transfer, account and operation roster.</summary>
public static class StreamIds
{
    public static string Operation(Guid operationId) => $"operation-{operationId:N}";

    public static string Site(Guid siteId) => $"site-{siteId:N}";

    public static string Person(Guid personId) => $"person-{personId:N}";

    public static string Transfer(Guid transferId) => $"transfer-{transferId:N}";

    public static string Account(Guid userId) => $"account-{userId:N}";

    /// <summary>Who is on an operation; a stream of its own so that auditors can be added after the operation concluded.</summary>
    public static string Members(Guid operationId) => $"members-{operationId:N}";
}
