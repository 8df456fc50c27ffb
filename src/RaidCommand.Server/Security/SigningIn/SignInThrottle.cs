using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace RaidCommand.Server.Security.SigningIn;

/// <summary>
/// Slows password guessing against one account from many addresses: after <see cref="AuthOptions.FailuresBeforeThrottle"/>
/// failures within <see cref="AuthOptions.FailureWindow"/>, the name is refused (429) until the window passes, even with
/// the right password. Unknown names are counted the same way, so the throttle says nothing about which names exist.
/// Kept per node; with several nodes an attacker gets that many times the budget, which is still tiny.
/// </summary>
public sealed class SignInThrottle(IOptions<AuthOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    /// <summary>When the name may try again, or null when it may try now.</summary>
    public TimeSpan? RetryAfter(string userName)
    {
        if (!_failures.TryGetValue(Key(userName), out var failures))
        {
            return null;
        }

        lock (failures)
        {
            var now = clock.GetUtcNow();
            Expire(failures, now);
            return failures.Count >= options.Value.FailuresBeforeThrottle ? failures.Peek() + options.Value.FailureWindow - now : null;
        }
    }

    public void RecordFailure(string userName)
    {
        var failures = _failures.GetOrAdd(Key(userName), _ => new Queue<DateTimeOffset>());
        lock (failures)
        {
            var now = clock.GetUtcNow();
            Expire(failures, now);
            failures.Enqueue(now);
        }
    }

    public void RecordSuccess(string userName) => _failures.TryRemove(Key(userName), out _);

    private void Expire(Queue<DateTimeOffset> failures, DateTimeOffset now)
    {
        while (failures.Count > 0 && failures.Peek() + options.Value.FailureWindow <= now)
        {
            failures.Dequeue();
        }
    }

    private static string Key(string userName) => (userName ?? "").Trim().ToLowerInvariant();
}
