using System.Collections.Frozen;
using RaidCommand.Domain.Accounts;
using RaidCommand.Domain.Custody;
using RaidCommand.Domain.Membership;
using RaidCommand.Domain.Operations;
using RaidCommand.Domain.Sites;
using RaidCommand.Domain.Transfers;

namespace RaidCommand.Domain;

/// <summary>Every event type of the domain with its stable store name, for registration with the event store.</summary>
public static class DomainEventTypes
{
    /// <summary>Event CLR type → stable store name (e.g. "operation-opened"). Names never change once events are stored.</summary>
    public static readonly IReadOnlyDictionary<Type, string> TypeNames =
        new[] { OperationEvents.TypeNames, SiteEvents.TypeNames, CustodyEvents.TypeNames, TransferEvents.TypeNames, AccountEvents.TypeNames, MembershipEvents.TypeNames }
            .SelectMany(map => map)
            .ToFrozenDictionary(pair => pair.Key, pair => pair.Value);

    /// <summary>Stable store name → event CLR type, for deserialisation.</summary>
    public static readonly IReadOnlyDictionary<string, Type> ByName =
        TypeNames.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
}
