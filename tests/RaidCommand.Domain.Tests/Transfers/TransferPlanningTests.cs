using RaidCommand.Domain.Common;
using RaidCommand.Domain.Transfers;
using static RaidCommand.Domain.Tests.Fixtures;
using static RaidCommand.Domain.Tests.Transfers.TransferSpec;

namespace RaidCommand.Domain.Tests.Transfers;

public class TransferPlanningTests
{
    [Fact]
    public void Persons_criminally_detained_in_the_origin_city_are_planned() =>
        Create().When(Plan(Person(1), Person(2), Person(3))).Then(Planned(Person(1), Person(2), Person(3)));

    [Fact]
    public void The_manifest_filter_names_every_offending_person()
    {
        var violation = Create()
            .When(Plan(Person(1), Person(4), Person(5), Person(6), Person(7), Person(8), Person(9)))
            .ThenFails("transfer.ineligible-persons", ViolationKind.Invalid);

        Assert.Equal(new[] { Person(4), Person(5), Person(6), Person(7), Person(8), Person(9) }.Select(id => id.ToString()), violation.Subjects);
        Assert.Contains(Person(8).ToString(), violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public void Each_kind_of_ineligible_person_is_refused(int person) =>
        Create().When(Plan(Person(1), Person(person))).ThenFails("transfer.ineligible-persons", ViolationKind.Invalid);

    [Fact]
    public void An_empty_manifest_is_invalid() =>
        Create().When(Plan()).ThenFails("transfer.empty-manifest", ViolationKind.Invalid);

    [Fact]
    public void A_person_appears_on_the_manifest_once() =>
        Create().When(Plan(Person(1), Person(1))).ThenFails("transfer.duplicate-person", ViolationKind.Invalid);

    [Fact]
    public void Origin_and_destination_differ() =>
        Create().When(Plan(Person(1)) with { DestinationCity = Zhengzhou }).ThenFails("transfer.same-city", ViolationKind.Invalid);

    [Fact]
    public void An_undefined_mode_is_invalid() =>
        Create().When(Plan(Person(1)) with { Mode = (TransferMode)9 }).ThenFails("transfer.invalid-mode", ViolationKind.Invalid);

    [Fact]
    public void A_transfer_is_planned_once() =>
        Create().Given(Planned(Person(1))).When(Plan(Person(1))).ThenFails("transfer.already-planned", ViolationKind.Conflict);

    [Fact]
    public void Steps_before_planning_conflict() =>
        Create().When(new BoardDetainees(TransferId, [Person(1)], At)).ThenFails("transfer.not-planned", ViolationKind.Conflict);
}
