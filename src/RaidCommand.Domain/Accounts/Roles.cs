using System.Collections.Frozen;

namespace RaidCommand.Domain.Accounts;

/// <summary>
/// What a person may be trusted with across the whole system. A role makes someone eligible; what they may
/// see and do in one operation is decided by their membership of it (<see cref="Membership.Capacities"/>).
/// </summary>
public static class Roles
{
    /// <summary>Plans, launches and runs operations; sees personal data of the operations they command.</summary>
    public const string Commander = "commander";

    /// <summary>Logs what happens on site, for the sites assigned to their own team.</summary>
    public const string FieldOfficer = "field-officer";

    /// <summary>Legal officer or prosecutor: reads everything of the operations they are assigned to, writes nothing.</summary>
    public const string Auditor = "auditor";

    /// <summary>Manages accounts and operation memberships and runs the store; sees no operation unless a member.</summary>
    public const string Administrator = "administrator";

    public static readonly FrozenSet<string> All = FrozenSet.Create(StringComparer.Ordinal, Commander, FieldOfficer, Auditor, Administrator);
}
