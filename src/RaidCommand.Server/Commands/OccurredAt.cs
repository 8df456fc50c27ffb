using System.Collections.Concurrent;
using System.Reflection;

namespace RaidCommand.Server.Commands;

/// <summary>
/// The instant an event says it happened. Field events state it themselves (an <c>OccurredAt</c>
/// property, given by the officer); planning events happen when they are decided.
/// </summary>
public static class OccurredAt
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> Properties = new();

    public static DateTimeOffset Of(object @event, DateTimeOffset decidedAt)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var property = Properties.GetOrAdd(@event.GetType(), type =>
            type.GetProperty("OccurredAt") is { PropertyType: var t } p && t == typeof(DateTimeOffset) ? p : null);
        return property is null ? decidedAt : (DateTimeOffset)property.GetValue(@event)!;
    }
}
