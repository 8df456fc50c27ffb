using RaidCommand.Domain.Common;
using RaidCommand.Domain.Custody;
using RaidCommand.Domain.Operations;
using RaidCommand.Domain.Transfers;
using RaidCommand.Server.Commands;
using RaidCommand.Server.Security.Authorization;

namespace RaidCommand.Server.Transfers;

/// <summary>
/// Every transfer step takes the same path: load the transfer, load the custody records the step reads or writes,
/// decide, and append the transfer's events together with each affected person's custody events in one atomic
/// multi-stream append, each custody stream expected at the version it was read at.
/// </summary>
/// <remarks>
/// Planning writes nothing to custody streams and does not pin their versions either (a pin would only hold for
/// the plan's own append). It does not need to: boarding re-reads every boarding person's
/// custody (the decider refuses anyone no longer eligible, 409 transfer.person-no-longer-eligible) and appends
/// <c>TransferBoarded</c> to each of their streams at the version read, so a detention corrected or a person put on
/// another transfer between plan and boarding can never travel. Writing a marker event into every custody stream at
/// plan time would buy nothing more and would block custody changes that are legitimate until boarding.
/// </remarks>
public sealed class TransferCommandHandler(EventStore.EventStore store, CommandExecutor executor) : ICommandHandler<TransferCommand>
{
    public Task<CommandOutcome> HandleAsync(TransferCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        return executor.ExecuteAsync(context, async token =>
        {
            if (command is PlanTransfer plan)
            {
                await RequireEscortTeamOfOperationAsync(plan, token);
            }

            var transferStream = StreamIds.Transfer(command.TransferId);
            var transfer = await store.LoadAsync(transferStream, TransferState.Initial, TransferState.Evolve, token);
            if (!transfer.Exists && command is not PlanTransfer)
            {
                throw new ResourceNotFoundException("transfer", command.TransferId);
            }

            FieldTeamAccess.RequireEscortTeam(context.Actor, transfer.State);

            var custody = await LoadCustodyAsync(PersonsReadBy(command), token);
            var events = TransferDecider.Decide(command, transfer.State, custody.ToDictionary(p => p.Key, p => p.Value.State), context.Now);

            var changes = new List<StreamChange> { new(transferStream, transfer.Version, events) };
            foreach (var person in TransferCustodyEvents.For(transfer.State, events).GroupBy(p => p.PersonId))
            {
                var record = custody.TryGetValue(person.Key, out var read) ? read : await LoadCustodyAsync(person.Key, token);
                changes.Add(new StreamChange(StreamIds.Person(person.Key), record.Version, [.. person.Select(p => p.Event)]));
            }

            return new Decision(changes);
        }, cancellationToken);
    }

    // Only planning and boarding decide on custody states; the later steps only need each boarded person's version.
    private static IEnumerable<Guid> PersonsReadBy(TransferCommand command) => command switch
    {
        PlanTransfer plan => plan.Manifest ?? [],
        BoardDetainees board => board.PersonIds ?? [],
        _ => [],
    };

    private async Task<Dictionary<Guid, Loaded<CustodyState>>> LoadCustodyAsync(IEnumerable<Guid> personIds, CancellationToken cancellationToken)
    {
        var custody = new Dictionary<Guid, Loaded<CustodyState>>();
        foreach (var personId in personIds.Distinct())
        {
            custody[personId] = await LoadCustodyAsync(personId, cancellationToken);
        }

        return custody;
    }

    private Task<Loaded<CustodyState>> LoadCustodyAsync(Guid personId, CancellationToken cancellationToken) =>
        store.LoadAsync(StreamIds.Person(personId), CustodyState.Initial, CustodyState.Evolve, cancellationToken);

    // The transfer decider does not know the operation; the escort must be one of its teams, as a site's team must be.
    private async Task RequireEscortTeamOfOperationAsync(PlanTransfer plan, CancellationToken cancellationToken)
    {
        var operation = await store.LoadAsync(StreamIds.Operation(plan.OperationId), OperationState.Initial, OperationState.Evolve, cancellationToken);
        if (!operation.Exists)
        {
            throw new ResourceNotFoundException("operation", plan.OperationId);
        }

        if (plan.EscortTeamId != Guid.Empty && !operation.State.Teams.ContainsKey(plan.EscortTeamId))
        {
            throw DomainRuleViolation.Invalid(
                "transfer.unknown-escort-team", $"Team {plan.EscortTeamId} is not a team of operation {plan.OperationId}.", [plan.EscortTeamId.ToString()]);
        }
    }
}
