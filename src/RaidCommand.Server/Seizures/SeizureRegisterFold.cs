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
            _ => register,
        };
    }

    private static string CityOf(SeizureRegister register, Guid siteId) =>
        register.SiteCities.TryGetValue(siteId, out var city) ? city : string.Empty;
}
