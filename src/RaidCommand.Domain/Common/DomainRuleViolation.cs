using System.Diagnostics.CodeAnalysis;

namespace RaidCommand.Domain.Common;

/// <summary>How a refused command maps onto the API: state forbids it now, or the request itself is wrong.</summary>
public enum ViolationKind
{
    /// <summary>The request itself is wrong (HTTP 422).</summary>
    Invalid,

    /// <summary>The current state forbids the command now (HTTP 409).</summary>
    Conflict,
}

/// <summary>
/// Thrown by a decider when a command is refused. <see cref="Code"/> is a stable machine code
/// (e.g. "operation.not-approved"); <see cref="Exception.Message"/> is for humans;
/// <see cref="Subjects"/> optionally lists offending ids (e.g. persons that may not be on a manifest).
/// </summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "The name is the shared domain vocabulary used by the server's error mapping.")]
public sealed class DomainRuleViolation : Exception
{
    public DomainRuleViolation(string code, string message, ViolationKind kind, IReadOnlyList<string>? subjects = null)
        : base(message)
    {
        Code = code;
        Kind = kind;
        Subjects = subjects ?? [];
    }

    public string Code { get; }

    public ViolationKind Kind { get; }

    public IReadOnlyList<string> Subjects { get; }

    public static DomainRuleViolation Invalid(string code, string message, IReadOnlyList<string>? subjects = null) =>
        new(code, message, ViolationKind.Invalid, subjects);

    public static DomainRuleViolation Conflict(string code, string message, IReadOnlyList<string>? subjects = null) =>
        new(code, message, ViolationKind.Conflict, subjects);
}
