using System.Collections.Immutable;
using RaidCommand.Domain.Operations;
using RaidCommand.Domain.Sites;

namespace RaidCommand.Server.Seizures;

/// <summary>The pure fold behind <see cref="SeizureRegister"/>.</summary>
public static class SeizureRegisterFold
{
    public static SeizureRegister? Evolve(SeizureRegister? register, object @event, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (register is null)
        {
            return @event is OperationOpened opened ? new SeizureRegister(opened.OperationId, [], [], [], []) : null;
        }

        return @event switch
        {
            SiteRegistered e => register with { SiteCities = register.SiteCities.SetItem(e.SiteId, e.CityCode) },
            SeizureLogged e when register.Seizures.All(s => s.SeizureId != e.SeizureId) => register with
            {
                Seizures = register.Seizures.Add(new SeizureEntry(
                    e.SeizureId, e.SiteId, CityOf(register, e.SiteId), e.TeamId, e.Category, e.Quantity, e.Description, e.Identifiers,
                    e.StorageLocation, e.CashAmount, e.OccurredAt, recordedAt)),
            },
            AssetFrozen e when register.Freezes.All(f => f.Id != e.FreezeId) => register with
            {
                Freezes = register.Freezes.Add(new FundsEntry(
                    e.FreezeId, e.SiteId, CityOf(register, e.SiteId), e.TeamId, e.AccountHolder, e.Bank, e.AccountNumber, e.Amount,
                    e.FreezeOrderReference, null, e.OccurredAt, recordedAt)),
            },
            StopPaymentIssued e when register.StopPayments.All(s => s.Id != e.StopPaymentId) => register with
            {
                StopPayments = register.StopPayments.Add(new FundsEntry(
                    e.StopPaymentId, e.SiteId, CityOf(register, e.SiteId), e.TeamId, e.AccountHolder, e.Bank, e.AccountNumber, e.Amount,
                    e.OrderReference, e.RequestReference, e.OccurredAt, recordedAt)),
            },
            SeizureVoided e => register with { Seizures = Update(register.Seizures, s => s.SeizureId == e.SeizureId, s => s with { Correction = Correction.Of(e.Reason, e.CorrectedBy, e.OccurredAt, true) }) },
            SeizureQuantityAmended e => register with
            {
                Seizures = Update(register.Seizures, s => s.SeizureId == e.SeizureId, s => s with
                {
                    Quantity = e.Quantity, Correction = Correction.Of(e.Reason, e.CorrectedBy, e.OccurredAt, false) with { LoggedQuantity = s.Correction?.LoggedQuantity ?? s.Quantity },
                }),
            },
            FreezeVoided e => register with { Freezes = Update(register.Freezes, f => f.Id == e.FreezeId, f => f with { Correction = Correction.Of(e.Reason, e.CorrectedBy, e.OccurredAt, true) }) },
            StopPaymentVoided e => register with
            {
                StopPayments = Update(register.StopPayments, f => f.Id == e.StopPaymentId, f => f with { Correction = Correction.Of(e.Reason, e.CorrectedBy, e.OccurredAt, true) }),
            },
            _ => register,
        };
    }

    private static ImmutableList<T> Update<T>(ImmutableList<T> items, Func<T, bool> match, Func<T, T> update) =>
        items.FindIndex(i => match(i)) is var index and >= 0 ? items.SetItem(index, update(items[index])) : items;

    private static string CityOf(SeizureRegister register, Guid siteId) =>
        register.SiteCities.TryGetValue(siteId, out var city) ? city : string.Empty;
}
