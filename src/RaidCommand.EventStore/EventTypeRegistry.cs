using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace RaidCommand.EventStore;

/// <summary>
/// Maps event CLR types to stable names and schema versions, and upgrades older stored shapes on read.
/// Stored rows never carry CLR names, so renaming or moving a class never orphans history.
/// </summary>
public sealed class EventTypeRegistry
{
    private readonly ConcurrentDictionary<Type, EventTypeName> _byType = new();
    private readonly ConcurrentDictionary<string, (Type Type, int SchemaVersion)> _byName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Name, int FromVersion), Upcaster> _upcasters = new();

    /// <summary>Registers <typeparamref name="TEvent"/> as <paramref name="name"/> at its current <paramref name="schemaVersion"/>.</summary>
    public EventTypeRegistry Register<TEvent>(string name, int schemaVersion = 1) => Register(typeof(TEvent), name, schemaVersion);

    public EventTypeRegistry Register(Type type, string name, int schemaVersion = 1)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(schemaVersion, 1);

        if (!_byName.TryAdd(name, (type, schemaVersion)) && _byName[name].Type != type)
        {
            throw new InvalidOperationException($"Event type name '{name}' is already registered for {_byName[name].Type}.");
        }

        _byType[type] = new EventTypeName(name, schemaVersion);
        return this;
    }

    /// <summary>
    /// Upgrades payloads stored as <paramref name="storedName"/> at <paramref name="fromVersion"/> by one step:
    /// the result is read as <paramref name="toName"/> (the same name unless the event was renamed) at
    /// <paramref name="fromVersion"/> + 1. Steps chain until the registered current version is reached.
    /// </summary>
    public EventTypeRegistry Upcast(string storedName, int fromVersion, Func<JsonObject, JsonObject> upgrade, string? toName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storedName);
        ArgumentNullException.ThrowIfNull(upgrade);
        _upcasters[(storedName, fromVersion)] = new Upcaster(toName ?? storedName, upgrade);
        return this;
    }

    public EventTypeName NameOf(Type type) =>
        _byType.TryGetValue(type, out var name)
            ? name
            : throw new UnknownEventTypeException($"Event type {type} is not registered; register it with a stable name before appending it.");

    public bool IsRegistered(string name) => _byName.ContainsKey(name);

    /// <summary>Resolves a stored (name, version) to the CLR type to read, upgrading the payload when it is older.</summary>
    /// <param name="utf8Payload">The stored payload; parsed only when an upcaster applies.</param>
    internal (Type Type, string Name, int SchemaVersion, JsonObject? Upgraded) Resolve(string storedName, int storedVersion, byte[] utf8Payload)
    {
        var name = storedName;
        var version = storedVersion;
        JsonObject? upgraded = null;

        while (_upcasters.TryGetValue((name, version), out var upcaster))
        {
            upgraded = upcaster.Upgrade(upgraded ?? JsonNode.Parse(utf8Payload)?.AsObject() ?? []);
            name = upcaster.ToName;
            version++;
        }

        if (!_byName.TryGetValue(name, out var registered))
        {
            throw new UnknownEventTypeException($"Stored event type '{storedName}' (schema {storedVersion}) has no registered type.");
        }

        if (registered.SchemaVersion != version)
        {
            throw new UnknownEventTypeException(
                $"Stored event type '{storedName}' is at schema {storedVersion}, and no upcaster brings it to '{name}' schema {registered.SchemaVersion}.");
        }

        return (registered.Type, name, version, upgraded);
    }

    private sealed record Upcaster(string ToName, Func<JsonObject, JsonObject> Upgrade);
}

/// <summary>A stable event type name with the schema version new events are written at.</summary>
public readonly record struct EventTypeName(string Name, int SchemaVersion);
