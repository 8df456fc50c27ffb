using System.Collections.Immutable;

namespace RaidCommand.Domain.Membership;

public sealed record Member(Guid UserId, string Capacity, Guid? TeamId);

/// <summary>The members of one operation (its roster stream).</summary>
public sealed record MembershipState(ImmutableDictionary<Guid, Member> Members)
{
    public static readonly MembershipState Initial = new(ImmutableDictionary<Guid, Member>.Empty);

    public int CountIn(string capacity) => Members.Values.Count(m => m.Capacity == capacity);

    public static MembershipState Evolve(MembershipState state, object @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        return @event switch
        {
            MemberAdded e => new(state.Members.SetItem(e.UserId, new Member(e.UserId, e.Capacity, e.TeamId))),
            MemberRemoved e => new(state.Members.Remove(e.UserId)),
            _ => state,
        };
    }
}
