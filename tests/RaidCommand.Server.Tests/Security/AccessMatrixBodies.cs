using System.Text.Json;
using RaidCommand.Server.Tests.Api;

namespace RaidCommand.Server.Tests.Security;

/// <summary>
/// Request bodies for the access matrix. Most endpoints get "{}": authorization is decided before the body is read,
/// so an allowed caller gets a 4xx about the body and a refused one never gets that far. Field entries and transfer
/// steps get valid bodies, because whether a field officer's team may log is decided on the loaded state.
/// </summary>
public static class AccessMatrixBodies
{
    public static string For(string pattern, SecuredRaid raid)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(raid);
        var teamId = raid.OwnSite.TeamId;
        object body = pattern.Split('/')[^1] switch
        {
            "breach" or "secure" or "dismantle" when pattern.Contains("/sites/", StringComparison.Ordinal) => new { teamId, occurredAt = RaidScenario.JustNow },
            "arrests" => new { teamId, occurredAt = RaidScenario.JustNow, name = "Wu Lei" },
            "seizures" when pattern.Contains("/sites/", StringComparison.Ordinal) => new
            {
                teamId, occurredAt = RaidScenario.JustNow, category = "Phone", quantity = 3, description = "3 phones", storageLocation = "Evidence room 1",
            },
            "freezes" => new
            {
                teamId, occurredAt = RaidScenario.JustNow, accountHolder = "Chen Ming", bank = "ICBC", accountNumber = "6222 9999",
                amount = new { amount = 10m, currency = "CNY" }, freezeOrderReference = "FO-1",
            },
            "stop-payments" => new
            {
                teamId, occurredAt = RaidScenario.JustNow, accountHolder = "Chen Ming", bank = "ICBC", accountNumber = "6222 9999",
                amount = new { amount = 10m, currency = "CNY" }, orderReference = "SP-1", requestReference = "RQ-1",
            },
            "board" when pattern.StartsWith("/api/transfers", StringComparison.Ordinal) => new { personIds = new[] { raid.PersonId }, occurredAt = RaidScenario.JustNow },
            "depart" or "arrive" => new { headcount = 1, occurredAt = RaidScenario.JustNow },
            "checkpoints" => new { place = "Xi'an", headcount = 1, occurredAt = RaidScenario.JustNow },
            "handover" => new { receivingFacility = "Zhengzhou No. 3", receivingOfficer = "Insp Guo", headcount = 1, occurredAt = RaidScenario.JustNow },
            _ => new { },
        };
        return JsonSerializer.Serialize(body, ApiClient.Json);
    }
}
