using RaidCommand.Domain.Custody;
using RaidCommand.Domain.Operations;
using RaidCommand.Server.Audit.AsOf;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Tests.Audit;

/// <summary>The rule itself, on events as the feed delivers them (no database needed: it is a pure function of the feed).</summary>
public sealed class EffectiveOccurredRuleTests
{
    private static readonly Guid OperationId = Guid.NewGuid();
    private static readonly Guid SiteId = Guid.NewGuid();
    private static readonly DateTimeOffset Registered = new(2026, 5, 26, 6, 30, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_site_entry_stated_before_the_site_was_registered_counts_from_the_registration_and_later_ones_never_count_earlier()
    {
        var times = Registering();

        Assert.Equal(Registered, times.Next(Site, Registered.AddMinutes(-15), null));
        Assert.Equal(Registered.AddMinutes(10), times.Next(Site, Registered.AddMinutes(10), null));
        Assert.Equal(Registered.AddMinutes(10), times.Next(Site, Registered.AddMinutes(5), null));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_custody_record_opened_by_an_arrest_counts_from_the_arrest_whichever_of_the_two_the_feed_gives_first(bool arrestFirst)
    {
        var times = Registering();
        times.Next(Site, Registered.AddMinutes(20), null);
        var stated = Registered.AddMinutes(-15);
        var personId = Guid.NewGuid();
        var arrested = new PersonArrested(personId, OperationId, SiteId, "LZ", "Chen Ming", null, null, Guid.NewGuid(), stated);

        DateTimeOffset LogArrest() => times.Next(Site, stated, null);
        DateTimeOffset OpenRecord() => times.Next(StreamIds.Person(personId), stated, arrested);
        var (arrest, person) = arrestFirst ? (LogArrest(), OpenRecord()) : Swap(OpenRecord(), LogArrest());

        Assert.Equal(Registered.AddMinutes(20), arrest);
        Assert.Equal(arrest, person);
        Assert.Equal(person, times.Next(StreamIds.Person(personId), stated.AddMinutes(-30), null));
    }

    private static string Site => StreamIds.Site(SiteId);

    private static (DateTimeOffset, DateTimeOffset) Swap(DateTimeOffset first, DateTimeOffset second) => (second, first);

    private static EffectiveOccurredTimes Registering()
    {
        var times = new EffectiveOccurredTimes();
        times.Next(StreamIds.Operation(OperationId), Registered, new SiteRegistered(OperationId, SiteId, "LZ", "Anning District, Building 7", 12, null));
        return times;
    }
}
