using RaidCommand.Domain.Common;
using RaidCommand.Domain.Custody;

namespace RaidCommand.Domain.Transfers;

/// <summary>
/// Decides a detainee transfer (押解): plan → board → depart → checkpoints → arrive → hand over.
/// The custody map passed to <see cref="Decide"/> holds the custody states of the persons named by the command;
/// it is read for <see cref="PlanTransfer"/> and <see cref="BoardDetainees"/> only (pass an empty map otherwise).
/// A counted headcount that does not reconcile is recorded as counted AND raises <see cref="HeadcountMismatchDetected"/>;
/// it is never refused and never silently accepted.
/// </summary>
public static class TransferDecider
{
    public static IReadOnlyList<object> Decide(
        TransferCommand command, TransferState state, IReadOnlyDictionary<Guid, CustodyState> custody, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(custody);

        if (command is PlanTransfer plan)
        {
            return Plan(plan, state, custody, now);
        }

        if (state.Status == TransferStatus.NotPlanned)
        {
            throw DomainRuleViolation.Conflict("transfer.not-planned", $"Transfer {command.TransferId} has not been planned.");
        }

        return command switch
        {
            BoardDetainees c => Board(c, state, custody, now),
            DepartTransfer c => Depart(c, state, now),
            ReportCheckpoint c => Checkpoint(c, state, now),
            ArriveTransfer c => Arrive(c, state, now),
            HandOverTransfer c => HandOver(c, state, now),
            _ => throw DomainRuleViolation.Invalid("transfer.unknown-command", $"Unknown command {command.GetType().Name}."),
        };
    }

    /// <summary>
    /// Persons who may not travel: unknown, of another operation, not criminally detained, not in the origin city,
    /// or already on a transfer.
    /// </summary>
    public static IReadOnlyList<Guid> IneligiblePersons(
        IEnumerable<Guid> personIds, Guid operationId, string originCity, IReadOnlyDictionary<Guid, CustodyState> custody)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        ArgumentNullException.ThrowIfNull(custody);
        return [.. personIds.Where(id => !custody.TryGetValue(id, out var person) || !IsEligible(person, operationId, originCity))];
    }

    private static bool IsEligible(CustodyState person, Guid operationId, string originCity) =>
        person.IsOpen
        && person.OperationId == operationId
        && person.Decision == CustodyDecision.CriminallyDetained
        && person.CityCode == originCity
        && !person.IsInTransfer;

    private static object[] Plan(PlanTransfer c, TransferState state, IReadOnlyDictionary<Guid, CustodyState> custody, DateTimeOffset now)
    {
        if (state.Status != TransferStatus.NotPlanned)
        {
            throw DomainRuleViolation.Conflict("transfer.already-planned", $"Transfer {c.TransferId} is already planned.");
        }

        Guard.Id(c.TransferId, "transfer.id-required", "Transfer id");
        Guard.Id(c.OperationId, "transfer.operation-id-required", "Operation id");
        Guard.Id(c.EscortTeamId, "transfer.escort-team-required", "Escort team");
        Guard.Text(c.OriginCity, "transfer.origin-required", "Origin city");
        Guard.Text(c.DestinationCity, "transfer.destination-required", "Destination city");
        Guard.Text(c.VehicleOrFlight, "transfer.vehicle-required", "Vehicle or flight");
        Guard.Text(c.PlannedBy, "transfer.planner-required", "Planning officer");
        if (!Enum.IsDefined(c.Mode))
        {
            throw DomainRuleViolation.Invalid("transfer.invalid-mode", $"Unknown transfer mode {c.Mode}.");
        }

        if (c.OriginCity == c.DestinationCity)
        {
            throw DomainRuleViolation.Invalid("transfer.same-city", "Origin and destination must differ.");
        }

        var manifest = c.Manifest ?? [];
        RequireDistinctNonEmpty(manifest, "transfer.empty-manifest", "The manifest");
        var ineligible = IneligiblePersons(manifest, c.OperationId, c.OriginCity, custody);
        if (ineligible.Count > 0)
        {
            throw DomainRuleViolation.Invalid(
                "transfer.ineligible-persons",
                $"Only persons of this operation criminally detained in {c.OriginCity} and not on another transfer may travel: {string.Join(", ", ineligible)}.",
                [.. ineligible.Select(id => id.ToString())]);
        }

        return
        [
            new TransferPlanned(
                c.TransferId, c.OperationId, c.OriginCity, c.DestinationCity, c.Mode, c.VehicleOrFlight, c.EscortTeamId,
                [.. manifest], c.PlannedBy, now.ToUniversalTime()),
        ];
    }

    private static object[] Board(BoardDetainees c, TransferState state, IReadOnlyDictionary<Guid, CustodyState> custody, DateTimeOffset now)
    {
        var at = Guard.OccurredAt(c.OccurredAt, now);
        var persons = c.PersonIds ?? [];
        RequireDistinctNonEmpty(persons, "transfer.nobody-to-board", "Persons boarding");
        var offManifest = persons.Where(id => !state.Manifest.Contains(id)).ToList();
        if (offManifest.Count > 0)
        {
            throw DomainRuleViolation.Invalid(
                "transfer.not-on-manifest", $"Not on the manifest: {string.Join(", ", offManifest)}.", [.. offManifest.Select(id => id.ToString())]);
        }

        if (state.Status != TransferStatus.Planned)
        {
            throw DomainRuleViolation.Conflict("transfer.already-departed", "The transfer has departed; nobody else can board.");
        }

        var again = persons.Where(state.Boarded.Contains).ToList();
        if (again.Count > 0)
        {
            throw DomainRuleViolation.Conflict(
                "transfer.already-boarded", $"Already boarded: {string.Join(", ", again)}.", [.. again.Select(id => id.ToString())]);
        }

        var ineligible = IneligiblePersons(persons, state.OperationId, state.OriginCity, custody);
        if (ineligible.Count > 0)
        {
            throw DomainRuleViolation.Conflict(
                "transfer.person-no-longer-eligible",
                $"No longer criminally detained in {state.OriginCity}: {string.Join(", ", ineligible)}.",
                [.. ineligible.Select(id => id.ToString())]);
        }

        return [new DetaineesBoarded(c.TransferId, [.. persons], at)];
    }

    private static List<object> Depart(DepartTransfer c, TransferState state, DateTimeOffset now)
    {
        var at = Guard.OccurredAt(c.OccurredAt, now);
        RequireHeadcount(c.Headcount);
        if (state.Status != TransferStatus.Planned)
        {
            throw DomainRuleViolation.Conflict("transfer.already-departed", "The transfer has already departed.");
        }

        if (state.Boarded.IsEmpty)
        {
            throw DomainRuleViolation.Conflict("transfer.nobody-boarded", "Nobody has boarded yet.");
        }

        List<object> events = [new TransferDeparted(c.TransferId, c.Headcount, at)];
        AddMismatch(events, c.TransferId, TransferStage.Boarding, state.Manifest.Count, state.Boarded.Count, at);
        AddMismatch(events, c.TransferId, TransferStage.Departure, state.Boarded.Count, c.Headcount, at);
        return events;
    }

    private static List<object> Checkpoint(ReportCheckpoint c, TransferState state, DateTimeOffset now)
    {
        var at = Guard.OccurredAt(c.OccurredAt, now);
        RequireHeadcount(c.Headcount);
        Guard.Text(c.Place, "transfer.place-required", "Checkpoint place");
        RequireEnRoute(state);
        List<object> events = [new CheckpointReported(c.TransferId, c.Place, c.Headcount, c.Note, at)];
        AddMismatch(events, c.TransferId, TransferStage.Checkpoint, state.Boarded.Count, c.Headcount, at);
        return events;
    }

    private static List<object> Arrive(ArriveTransfer c, TransferState state, DateTimeOffset now)
    {
        var at = Guard.OccurredAt(c.OccurredAt, now);
        RequireHeadcount(c.Headcount);
        RequireEnRoute(state);
        List<object> events = [new TransferReachedDestination(c.TransferId, c.Headcount, at)];
        AddMismatch(events, c.TransferId, TransferStage.Arrival, state.Boarded.Count, c.Headcount, at);
        return events;
    }

    private static List<object> HandOver(HandOverTransfer c, TransferState state, DateTimeOffset now)
    {
        var at = Guard.OccurredAt(c.OccurredAt, now);
        RequireHeadcount(c.Headcount);
        Guard.Text(c.ReceivingFacility, "transfer.facility-required", "Receiving facility");
        Guard.Text(c.ReceivingOfficer, "transfer.receiving-officer-required", "Receiving officer");
        if (state.Status == TransferStatus.HandedOver)
        {
            throw DomainRuleViolation.Conflict("transfer.already-handed-over", "The transfer has already been handed over.");
        }

        if (state.Status != TransferStatus.Arrived)
        {
            throw DomainRuleViolation.Conflict("transfer.not-arrived", "The transfer has not arrived yet.");
        }

        List<object> events = [new DetaineesHandedOver(c.TransferId, c.ReceivingFacility, c.ReceivingOfficer, c.Headcount, [.. state.Boarded], at)];
        AddMismatch(events, c.TransferId, TransferStage.HandOver, state.Boarded.Count, c.Headcount, at);
        return events;
    }

    private static void RequireEnRoute(TransferState state)
    {
        if (state.Status == TransferStatus.Planned)
        {
            throw DomainRuleViolation.Conflict("transfer.not-departed", "The transfer has not departed yet.");
        }

        if (state.Status != TransferStatus.Departed)
        {
            throw DomainRuleViolation.Conflict("transfer.already-arrived", "The transfer has already arrived.");
        }
    }

    private static void RequireHeadcount(int headcount)
    {
        if (headcount < 0)
        {
            throw DomainRuleViolation.Invalid("transfer.invalid-headcount", "A headcount cannot be negative.");
        }
    }

    private static void RequireDistinctNonEmpty(IReadOnlyList<Guid> ids, string code, string what)
    {
        if (ids.Count == 0 || ids.Contains(Guid.Empty))
        {
            throw DomainRuleViolation.Invalid(code, $"{what} must list at least one person and no empty ids.");
        }

        if (ids.Distinct().Count() != ids.Count)
        {
            throw DomainRuleViolation.Invalid("transfer.duplicate-person", $"{what} lists a person more than once.");
        }
    }

    private static void AddMismatch(List<object> events, Guid transferId, TransferStage stage, int expected, int actual, DateTimeOffset at)
    {
        if (expected != actual)
        {
            events.Add(new HeadcountMismatchDetected(transferId, stage, expected, actual, at));
        }
    }
}
