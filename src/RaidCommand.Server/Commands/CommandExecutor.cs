using RaidCommand.EventStore;

namespace RaidCommand.Server.Commands;

/// <summary>
/// Runs a command the event-sourced way: load, decide, append. A retried command id returns its original
/// outcome. When another writer got in first, the decision is made again on the new state, unless the
/// client asked for strict concurrency with If-Match.
/// </summary>
public sealed class CommandExecutor(EventStore.EventStore store, ILogger<CommandExecutor> logger)
{
    // A burst of entries on one site (twenty phones logging arrests at once) means up to one winner per round;
    // retry for a bounded time, with jittered back-off so the losers do not collide again in lockstep.
    private static readonly TimeSpan RetryBudget = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LongestBackOff = TimeSpan.FromMilliseconds(50);

    /// <param name="decide">Loads the state it needs and decides; called again after a concurrency conflict.</param>
    public async Task<CommandOutcome> ExecuteAsync(CommandContext context, Func<CancellationToken, Task<Decision>> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(decide);

        var earlier = await store.FindByCommandIdAsync(context.CommandId.ToString(), cancellationToken);
        if (earlier.Count > 0)
        {
            return CommandOutcome.FromEarlier(context.CommandId, earlier);
        }

        var started = TimeProvider.System.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            var decision = await decide(cancellationToken);
            if (decision.IsEmpty)
            {
                return CommandOutcome.NothingChanged(context.CommandId);
            }

            try
            {
                var result = await store.AppendAsync(ToAppends(decision, context), cancellationToken);
                return CommandOutcome.From(context.CommandId, result);
            }
            catch (WrongExpectedVersionException conflict) when (context.IfMatchVersion is not null && conflict.StreamId == decision.Changes[0].StreamId)
            {
                throw new PreconditionFailedException(conflict);
            }
            catch (WrongExpectedVersionException conflict) when (TimeProvider.System.GetElapsedTime(started) < RetryBudget)
            {
                logger.LogDebug("Command {CommandId} raced another writer on {Stream}; deciding again (attempt {Attempt})",
                    context.CommandId, conflict.StreamId, attempt + 1);
                await Task.Delay(BackOff(attempt), cancellationToken);
            }
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Jitter to spread retries, not a secret.")]
    private static TimeSpan BackOff(int attempt)
    {
        var ceiling = Math.Min(LongestBackOff.TotalMilliseconds, Math.Pow(2, Math.Min(attempt, 10)));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }

    private static List<StreamAppend> ToAppends(Decision decision, CommandContext context)
    {
        var metadata = new EventMetadata
        {
            ActorId = context.Actor.Id,
            ActorRole = context.Actor.Role,
            DeviceId = context.Actor.DeviceId,
            CorrelationId = context.CorrelationId,
            CausationId = context.CommandId.ToString(),
            CommandId = context.CommandId.ToString(),
        };

        var index = 0;
        var primary = decision.Changes[0].StreamId;
        // A change without events stays in the append as a check: its stream is locked and must still be at the
        // version the decision was made on (or the If-Match version), so nothing decided on stale state is written.
        return decision.Changes
            .Select(change => new StreamAppend(
                change.StreamId,
                ExpectedVersion.Exactly(change.StreamId == primary && context.IfMatchVersion is { } strict ? strict : change.DecidedOnVersion),
                change.Events.Select(e => new NewEvent(EventIds.For(context.CommandId, index++), e, OccurredAt.Of(e, context.Now), metadata)).ToList()))
            .ToList();
    }
}
