using System.Text.Json;
using RaidCommand.Domain.Common;

namespace RaidCommand.Domain.Tests;

/// <summary>Given events / when command / then events (or then fails with a code). Events compare by type and JSON.</summary>
public sealed class DeciderSpec<TCommand, TState>(
    TState initial, Func<TState, object, TState> evolve, Func<TCommand, TState, IReadOnlyList<object>> decide)
    where TCommand : class
{
    private readonly List<object> history = [];
    private TCommand? command;

    public TState State => history.Aggregate(initial, evolve);

    public DeciderSpec<TCommand, TState> Given(params object[] events)
    {
        history.AddRange(events);
        return this;
    }

    public DeciderSpec<TCommand, TState> When(TCommand whenCommand)
    {
        command = whenCommand;
        return this;
    }

    public IReadOnlyList<object> Then(params object[] expected)
    {
        var actual = decide(Command, State);
        Assert.Equal(Events.Describe(expected), Events.Describe(actual));
        return actual;
    }

    public DomainRuleViolation ThenFails(string code, ViolationKind? kind = null)
    {
        var violation = Assert.Throws<DomainRuleViolation>(() => decide(Command, State));
        Assert.Equal(code, violation.Code);
        if (kind is { } expectedKind)
        {
            Assert.Equal(expectedKind, violation.Kind);
        }

        return violation;
    }

    private TCommand Command => command ?? throw new InvalidOperationException("Call When(command) first.");
}

/// <summary>Renders events as "TypeName {json}" so records holding lists compare by content.</summary>
public static class Events
{
    public static IReadOnlyList<string> Describe(IEnumerable<object> events) =>
        [.. events.Select(e => $"{e.GetType().Name} {JsonSerializer.Serialize(e, e.GetType())}")];
}
