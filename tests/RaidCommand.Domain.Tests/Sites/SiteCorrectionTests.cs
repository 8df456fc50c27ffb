using RaidCommand.Domain.Common;
using RaidCommand.Domain.Sites;
using static RaidCommand.Domain.Tests.Fixtures;

namespace RaidCommand.Domain.Tests.Sites;

public class SiteCorrectionTests
{
    private static readonly Guid Phones = new("50000000-0000-0000-0000-000000000001");
    private static readonly Guid Freeze = new("50000000-0000-0000-0000-000000000002");
    private static readonly Guid StopPayment = new("50000000-0000-0000-0000-000000000003");

    private static readonly object[] Logged =
    [
        new SeizureLogged(OperationId, ZzSite, Phones, ZzTeam, SeizureCategory.Phone, 40, "Phones on desks", [], "Evidence room 2", null, Now),
        new AssetFrozen(OperationId, ZzSite, Freeze, ZzTeam, "Zhang San", "ICBC", "6222", Money.Cny(480_000m), "F-1", Now),
        new StopPaymentIssued(OperationId, ZzSite, StopPayment, ZzTeam, "Zhang San", "ICBC", "6222", Money.Cny(15_000m), "S-1", "R-1", Now),
    ];

    private static DeciderSpec<SiteCorrection, SiteState> Create() =>
        new(SiteState.Initial, SiteState.Evolve, (command, state) => SiteCorrectionDecider.Decide(command, state, Now));

    [Fact]
    public void A_seizure_is_voided_with_what_it_counted() =>
        Create().Given(Logged).When(new VoidSeizure(OperationId, ZzSite, Phones, " Counted twice ", "li.wei"))
            .Then(new SeizureVoided(OperationId, ZzSite, Phones, SeizureCategory.Phone, 40, "Counted twice", "li.wei", Now));

    [Fact]
    public void A_recount_amends_the_quantity_from_what_counts_now() =>
        Create().Given([.. Logged, new SeizureQuantityAmended(OperationId, ZzSite, Phones, SeizureCategory.Phone, 40, 38, "Recount", "li.wei", Now)])
            .When(new AmendSeizureQuantity(OperationId, ZzSite, Phones, 37, "Second recount", "li.wei"))
            .Then(new SeizureQuantityAmended(OperationId, ZzSite, Phones, SeizureCategory.Phone, 38, 37, "Second recount", "li.wei", Now));

    [Fact]
    public void Amending_to_the_same_quantity_changes_nothing() =>
        Create().Given(Logged).When(new AmendSeizureQuantity(OperationId, ZzSite, Phones, 40, "Recount", "li.wei")).Then();

    [Fact]
    public void A_quantity_is_amended_to_at_least_one() =>
        Create().Given(Logged).When(new AmendSeizureQuantity(OperationId, ZzSite, Phones, 0, "Recount", "li.wei"))
            .ThenFails("correction.invalid-quantity", ViolationKind.Invalid);

    [Fact]
    public void Freezes_and_stop_payments_are_voided_with_their_amounts()
    {
        Create().Given(Logged).When(new VoidFreeze(OperationId, ZzSite, Freeze, "Wrong account", "li.wei"))
            .Then(new FreezeVoided(OperationId, ZzSite, Freeze, Money.Cny(480_000m), "Wrong account", "li.wei", Now));
        Create().Given(Logged).When(new VoidStopPayment(OperationId, ZzSite, StopPayment, "Order withdrawn", "li.wei"))
            .Then(new StopPaymentVoided(OperationId, ZzSite, StopPayment, Money.Cny(15_000m), "Order withdrawn", "li.wei", Now));
    }

    [Fact]
    public void A_voided_entry_cannot_be_corrected_again() =>
        Create().Given([.. Logged, new SeizureVoided(OperationId, ZzSite, Phones, SeizureCategory.Phone, 40, "Counted twice", "li.wei", Now)])
            .When(new AmendSeizureQuantity(OperationId, ZzSite, Phones, 12, "Recount", "li.wei"))
            .ThenFails("correction.already-voided", ViolationKind.Conflict);

    [Fact]
    public void Only_entries_logged_at_the_site_can_be_corrected()
    {
        Create().Given(Logged).When(new VoidSeizure(OperationId, ZzSite, Freeze, "Wrong kind", "li.wei")).ThenFails("correction.unknown-entry", ViolationKind.Invalid);
        Create().Given(Logged).When(new VoidFreeze(OperationId, ZzSite, Guid.NewGuid(), "Unknown", "li.wei")).ThenFails("correction.unknown-entry", ViolationKind.Invalid);
    }

    [Fact]
    public void A_correction_needs_a_reason() =>
        Create().Given(Logged).When(new VoidFreeze(OperationId, ZzSite, Freeze, " ", "li.wei")).ThenFails("correction.reason-required", ViolationKind.Invalid);
}
