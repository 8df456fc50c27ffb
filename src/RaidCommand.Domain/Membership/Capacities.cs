using System.Collections.Frozen;
using RaidCommand.Domain.Accounts;

namespace RaidCommand.Domain.Membership;

/// <summary>
/// The part a member plays in one operation. Each capacity needs the matching account role, so that taking
/// a role away from an account also takes the capacity away everywhere.
/// </summary>
public static class Capacities
{
    public const string Commander = Roles.Commander;
    public const string FieldOfficer = Roles.FieldOfficer;
    public const string Auditor = Roles.Auditor;

    public static readonly FrozenSet<string> All = FrozenSet.Create(StringComparer.Ordinal, Commander, FieldOfficer, Auditor);

    /// <summary>Capacities that see identity document and bank account numbers in full.</summary>
    public static readonly FrozenSet<string> SeePersonalData = FrozenSet.Create(StringComparer.Ordinal, Commander, Auditor);

    /// <summary>The account role a capacity requires; they share their names.</summary>
    public static string RequiredRole(string capacity) => capacity;
}
