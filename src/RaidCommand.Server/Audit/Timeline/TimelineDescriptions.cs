using System.Globalization;
using RaidCommand.Domain.Common;
using RaidCommand.Domain.Custody;
using RaidCommand.Domain.Membership;
using RaidCommand.Domain.Operations;
using RaidCommand.Domain.Sites;
using RaidCommand.Domain.Transfers;

namespace RaidCommand.Server.Audit.Timeline;

/// <summary>
/// One readable sentence per event type, saying what the event changed, for auditors reading a timeline or a
/// printed report. Personal numbers are never part of a description (they stay in the data, masked by need).
/// </summary>
public static class TimelineDescriptions
{
    public static string Describe(object data) => data switch
    {
        OperationOpened e => $"Operation {e.CodeName} opened: {e.Title} (case {e.OriginCase.Reference}, reported loss {Amount(e.OriginCase.ReportedLoss)}), commander {e.Commander}",
        UnitAttached e => $"Unit attached: {e.UnitName} ({e.Kind})",
        CityAdded e => $"City added: {e.Name} ({e.CityCode}), local commander {e.LocalCommander}",
        SiteRegistered e => $"Site registered in {e.CityCode}: {e.Address}, about {e.ExpectedHeadcount} people expected",
        TeamFormed e => $"Team formed in {e.CityCode}: {e.Name}, led by {e.Leader}, {e.Headcount} officers",
        TeamAssignedToSite e => $"Team {Short(e.TeamId)} assigned to site {Short(e.SiteId)}",
        StrikeTimeSet e => $"H-hour set to {Instant(e.HHour)}",
        CityStrikeTimeOverridden e => $"H-hour for {e.CityCode} set to {Instant(e.HHour)}",
        PlanApproved e => $"Plan approved by {e.ApprovedBy}",
        CityLaunched e => $"Strike launched in {e.CityCode} by {e.LaunchedBy}",
        OperationConcluded e => $"Operation concluded by {e.ConcludedBy}{(e.Summary is null ? "" : $": {e.Summary}")}",
        MemberAdded e => $"Member added as {e.Capacity}{(e.TeamId is { } team ? $" of team {Short(team)}" : "")}: account {Short(e.UserId)}",
        MemberRemoved e => $"Member removed: account {Short(e.UserId)} ({e.Reason})",
        SiteBreached e => $"Site {Short(e.SiteId)} breached by team {Short(e.TeamId)}",
        SiteSecured e => $"Site {Short(e.SiteId)} secured by team {Short(e.TeamId)}",
        SiteDismantled e => $"Site {Short(e.SiteId)} dismantled by team {Short(e.TeamId)}",
        ArrestLogged e => $"Arrest at site {Short(e.SiteId)} ({e.CityCode}): {e.Name ?? e.LocalTag ?? "unnamed person"}, person {Short(e.PersonId)}",
        SeizureLogged e => $"Seized at site {Short(e.SiteId)}: {e.Quantity} × {e.Category} ({e.Description}), stored at {e.StorageLocation}"
            + (e.CashAmount is { } cash ? $", cash {Amount(cash)}" : ""),
        AssetFrozen e => $"Account of {e.AccountHolder} at {e.Bank} frozen: {Amount(e.Amount)} (order {e.FreezeOrderReference})",
        StopPaymentIssued e => $"Stop-payment on the account of {e.AccountHolder} at {e.Bank}: {Amount(e.Amount)} (order {e.OrderReference})",
        SeizureVoided e => $"Seizure {Short(e.SeizureId)} voided by {e.CorrectedBy}: {e.Reason} ({e.Quantity} × {e.Category} no longer counted)",
        SeizureQuantityAmended e => $"Seizure {Short(e.SeizureId)} recounted by {e.CorrectedBy}: {e.PreviousQuantity} → {e.Quantity} × {e.Category} ({e.Reason})",
        FreezeVoided e => $"Freeze {Short(e.FreezeId)} of {Amount(e.Amount)} voided by {e.CorrectedBy}: {e.Reason}",
        StopPaymentVoided e => $"Stop-payment {Short(e.StopPaymentId)} of {Amount(e.Amount)} voided by {e.CorrectedBy}: {e.Reason}",
        PersonArrested e => $"Custody record opened: {e.Name ?? e.LocalTag ?? "unnamed person"}, arrested in {e.CityCode}",
        Questioned e => $"Questioned by {e.QuestionedBy} at {e.Location}",
        CriminallyDetained e => $"Criminally detained (刑事拘留), approved by {e.ApprovingOfficer}, held at {e.Facility}",
        BailedPendingTrial e => $"Bailed pending trial (取保候审), approved by {e.ApprovedBy}",
        Released e => $"Released by {e.ReleasedBy}: {e.Reason}",
        HandedOverToJurisdiction e => $"Handed over to {e.Jurisdiction}, received by {e.ReceivingOfficer}",
        HeldAt e => $"Now held at {e.Facility} ({e.CityCode})",
        TransferBoarded e => $"Boarded transfer {Short(e.TransferId)} in {e.OriginCity}",
        TransferArrived e => $"Arrived in {e.DestinationCity} with transfer {Short(e.TransferId)}",
        TransferHandedOver e => $"Handed over at {e.Facility} to {e.ReceivingOfficer}",
        CustodyDecisionCorrected e => $"Decision {e.VoidedDecision} voided by {e.CorrectedBy}: {e.Reason}",
        TransferPlanned e => $"Transfer planned {e.OriginCity} → {e.DestinationCity} by {e.Mode} ({e.VehicleOrFlight}), {e.Manifest.Count} persons, by {e.PlannedBy}",
        DetaineesBoarded e => $"{e.PersonIds.Count} detainees boarded",
        TransferDeparted e => $"Departed with {e.Headcount} aboard",
        CheckpointReported e => $"Checkpoint {e.Place}: {e.Headcount} aboard{(e.Note is null ? "" : $" ({e.Note})")}",
        TransferReachedDestination e => $"Reached destination with {e.Headcount} aboard",
        DetaineesHandedOver e => $"{e.Headcount} detainees handed over at {e.ReceivingFacility} to {e.ReceivingOfficer}",
        HeadcountMismatchDetected e => $"ALERT: headcount at {e.Stage} was {e.Actual}, expected {e.Expected}",
        _ => data.GetType().Name,
    };

    private static string Short(Guid id) => id.ToString("N")[..8];

    private static string Amount(Money money) => string.Create(CultureInfo.InvariantCulture, $"{money.Currency} {money.Amount:N2}");

    private static string Instant(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
}
