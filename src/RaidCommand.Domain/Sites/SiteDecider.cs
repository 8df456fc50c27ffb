using RaidCommand.Domain.Common;

namespace RaidCommand.Domain.Sites;

/// <summary>
/// Decides field-log commands for one site (窝点). Rules, in order:
/// unknown site → Invalid "site.unknown"; operation concluded → Conflict "site.operation-concluded";
/// site's city not launched → Conflict "site.not-launched"; team not assigned to this site → Invalid "site.team-not-assigned"
/// (the request names the wrong team — the caller must fix the request, retrying later will not help);
/// occurred-at in the future beyond the skew tolerance → Invalid "time.occurred-at-in-future".
/// Breach → secure → dismantle in that order. Arrests and seizures are refused once the site is dismantled;
/// freezes and stop-payments may still follow (they come from follow-up of seized cards and ledgers).
/// </summary>
public static class SiteDecider
{
    public static IReadOnlyList<object> Decide(SiteCommand command, SiteState state, SiteContext context, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        if (context.SiteId != command.SiteId)
        {
            throw new ArgumentException($"The context was derived for site {context.SiteId}, not {command.SiteId}.", nameof(context));
        }

        if (!context.SiteKnown)
        {
            throw DomainRuleViolation.Invalid("site.unknown", $"Site {command.SiteId} is not registered in the operation.");
        }

        if (context.OperationConcluded)
        {
            throw DomainRuleViolation.Conflict("site.operation-concluded", "The operation is concluded.");
        }

        if (!context.CityLaunched)
        {
            throw DomainRuleViolation.Conflict("site.not-launched", $"City '{context.CityCode}' has not launched yet.");
        }

        if (!context.AssignedTeamIds.Contains(command.TeamId))
        {
            throw DomainRuleViolation.Invalid("site.team-not-assigned", $"Team {command.TeamId} is not assigned to site {command.SiteId}.");
        }

        var at = Guard.OccurredAt(command.OccurredAt, now);
        var op = context.OperationId;
        return command switch
        {
            BreachSite c => Step(state, SitePhase.NotBreached, "site.already-breached", new SiteBreached(op, c.SiteId, c.TeamId, at)),
            SecureSite c => Step(state, SitePhase.Breached, "site.not-breached", new SiteSecured(op, c.SiteId, c.TeamId, at)),
            DismantleSite c => Step(state, SitePhase.Secured, "site.not-secured", new SiteDismantled(op, c.SiteId, c.TeamId, at)),
            LogArrest c => Arrest(c, state, context, at),
            LogSeizure c => Seizure(c, state, op, at),
            FreezeAsset c => Freeze(c, state, op, at),
            IssueStopPayment c => StopPayment(c, state, op, at),
            _ => throw DomainRuleViolation.Invalid("site.unknown-command", $"Unknown command {command.GetType().Name}."),
        };
    }

    private static object[] Step(SiteState state, SitePhase required, string code, object @event)
    {
        if (state.Phase != required)
        {
            throw DomainRuleViolation.Conflict(code, $"The site is {state.Phase}; this step requires {required}.");
        }

        return [@event];
    }

    private static object[] Arrest(LogArrest c, SiteState state, SiteContext context, DateTimeOffset at)
    {
        Guard.Id(c.PersonId, "site.person-id-required", "Person id");
        if (string.IsNullOrWhiteSpace(c.Name) && string.IsNullOrWhiteSpace(c.LocalTag))
        {
            throw DomainRuleViolation.Invalid("site.person-unidentified", "Either a name or a site-local tag is required.");
        }

        RequireNotDismantled(state);
        if (state.ArrestedPersonIds.Contains(c.PersonId))
        {
            throw DomainRuleViolation.Conflict("site.duplicate-arrest", $"Person {c.PersonId} is already logged as arrested.");
        }

        return [new ArrestLogged(context.OperationId, c.SiteId, context.CityCode, c.PersonId, c.Name, c.LocalTag, c.IdentityDocumentNumber, c.TeamId, at)];
    }

    private static object[] Seizure(LogSeizure c, SiteState state, Guid op, DateTimeOffset at)
    {
        Guard.Id(c.SeizureId, "site.seizure-id-required", "Seizure id");
        if (!Enum.IsDefined(c.Category))
        {
            throw DomainRuleViolation.Invalid("site.invalid-seizure-category", $"Unknown seizure category {c.Category}.");
        }

        if (c.Quantity <= 0)
        {
            throw DomainRuleViolation.Invalid("site.invalid-quantity", "Quantity must be positive.");
        }

        Guard.Text(c.Description, "site.description-required", "Description");
        Guard.Text(c.StorageLocation, "site.storage-location-required", "Storage location");
        if (c.Category == SeizureCategory.Cash)
        {
            Guard.PositiveMoney(c.CashAmount, "site.cash-amount-required", "Cash amount");
        }
        else if (c.CashAmount is not null)
        {
            throw DomainRuleViolation.Invalid("site.cash-amount-not-allowed", "Only cash seizures carry an amount.");
        }

        RequireNotDismantled(state);
        if (state.SeizureIds.Contains(c.SeizureId))
        {
            throw DomainRuleViolation.Conflict("site.duplicate-seizure", $"Seizure {c.SeizureId} is already logged.");
        }

        IReadOnlyList<string> identifiers = [.. c.Identifiers ?? []];
        return [new SeizureLogged(op, c.SiteId, c.SeizureId, c.TeamId, c.Category, c.Quantity, c.Description, identifiers, c.StorageLocation, c.CashAmount, at)];
    }

    private static object[] Freeze(FreezeAsset c, SiteState state, Guid op, DateTimeOffset at)
    {
        Guard.Id(c.FreezeId, "site.freeze-id-required", "Freeze id");
        RequireAccount(c.AccountHolder, c.Bank, c.AccountNumber, c.Amount);
        Guard.Text(c.FreezeOrderReference, "site.order-reference-required", "Freeze order reference");
        if (state.FreezeIds.Contains(c.FreezeId))
        {
            throw DomainRuleViolation.Conflict("site.duplicate-freeze", $"Freeze {c.FreezeId} is already logged.");
        }

        return [new AssetFrozen(op, c.SiteId, c.FreezeId, c.TeamId, c.AccountHolder, c.Bank, c.AccountNumber, c.Amount, c.FreezeOrderReference, at)];
    }

    private static object[] StopPayment(IssueStopPayment c, SiteState state, Guid op, DateTimeOffset at)
    {
        Guard.Id(c.StopPaymentId, "site.stop-payment-id-required", "Stop-payment id");
        RequireAccount(c.AccountHolder, c.Bank, c.AccountNumber, c.Amount);
        Guard.Text(c.OrderReference, "site.order-reference-required", "Order reference");
        Guard.Text(c.RequestReference, "site.request-reference-required", "Request reference");
        if (state.StopPaymentIds.Contains(c.StopPaymentId))
        {
            throw DomainRuleViolation.Conflict("site.duplicate-stop-payment", $"Stop-payment {c.StopPaymentId} is already logged.");
        }

        return
        [
            new StopPaymentIssued(
                op, c.SiteId, c.StopPaymentId, c.TeamId, c.AccountHolder, c.Bank, c.AccountNumber, c.Amount, c.OrderReference, c.RequestReference, at),
        ];
    }

    private static void RequireAccount(string holder, string bank, string number, Money amount)
    {
        Guard.Text(holder, "site.account-holder-required", "Account holder");
        Guard.Text(bank, "site.bank-required", "Bank");
        Guard.Text(number, "site.account-number-required", "Account number");
        Guard.PositiveMoney(amount, "site.invalid-amount", "Amount");
    }

    private static void RequireNotDismantled(SiteState state)
    {
        if (state.Phase == SitePhase.Dismantled)
        {
            throw DomainRuleViolation.Conflict("site.dismantled", "The site is dismantled; nothing more is logged on site.");
        }
    }
}
