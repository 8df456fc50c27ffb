using RaidCommand.Domain.Common;

namespace RaidCommand.Domain.Sites;

/// <summary>
/// Decides corrections of a site's field entries. Rules: a reason is required (Invalid "correction.reason-required");
/// the entry must have been logged at this site (Invalid "correction.unknown-entry"); a voided entry cannot be
/// corrected again (Conflict "correction.already-voided"); an amended quantity is positive (Invalid
/// "correction.invalid-quantity"), and amending to the quantity already counted changes nothing.
/// </summary>
public static class SiteCorrectionDecider
{
    public static IReadOnlyList<object> Decide(SiteCorrection command, SiteState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        Guard.Text(command.Reason, "correction.reason-required", "A reason for the correction");
        var reason = command.Reason.Trim();
        var (op, site, id, by) = (command.OperationId, command.SiteId, command.EntryId, command.CorrectedBy);
        return command switch
        {
            VoidSeizure => Seizure(state, id, (category, quantity) => [new SeizureVoided(op, site, id, category, quantity, reason, by, now)]),
            AmendSeizureQuantity c => Seizure(state, id, (category, quantity) => Amend(c, category, quantity, reason, now)),
            VoidFreeze => Funds(state, state.FreezeIds, id, amount => new FreezeVoided(op, site, id, amount, reason, by, now)),
            VoidStopPayment => Funds(state, state.StopPaymentIds, id, amount => new StopPaymentVoided(op, site, id, amount, reason, by, now)),
            _ => throw DomainRuleViolation.Invalid("correction.unknown-command", $"Unknown correction {command.GetType().Name}."),
        };
    }

    private static IReadOnlyList<object> Seizure(SiteState state, Guid id, Func<SeizureCategory, int, IReadOnlyList<object>> correct)
    {
        RequireLogged(state.SeizureIds, id);
        return state.CountedSeizures.TryGetValue(id, out var counted) ? correct(counted.Category, counted.Quantity) : throw AlreadyVoided(id);
    }

    private static IReadOnlyList<object> Amend(AmendSeizureQuantity c, SeizureCategory category, int quantity, string reason, DateTimeOffset now)
    {
        if (c.Quantity <= 0)
        {
            throw DomainRuleViolation.Invalid("correction.invalid-quantity", "An amended quantity is at least 1; void the seizure instead.");
        }

        return c.Quantity == quantity ? [] : [new SeizureQuantityAmended(c.OperationId, c.SiteId, c.EntryId, category, quantity, c.Quantity, reason, c.CorrectedBy, now)];
    }

    private static IReadOnlyList<object> Funds(SiteState state, IReadOnlySet<Guid> logged, Guid id, Func<Money, object> voided)
    {
        RequireLogged(logged, id);
        return state.CountedFunds.TryGetValue(id, out var amount) ? [voided(amount)] : throw AlreadyVoided(id);
    }

    private static void RequireLogged(IReadOnlySet<Guid> logged, Guid id)
    {
        if (!logged.Contains(id))
        {
            throw DomainRuleViolation.Invalid("correction.unknown-entry", $"No such entry {id} was logged at this site.", [id.ToString()]);
        }
    }

    private static DomainRuleViolation AlreadyVoided(Guid id) =>
        DomainRuleViolation.Conflict("correction.already-voided", $"Entry {id} was voided already.");
}
