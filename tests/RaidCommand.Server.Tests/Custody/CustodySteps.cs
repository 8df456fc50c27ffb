using System.Text.Json;
using RaidCommand.Server.Tests.Api;

namespace RaidCommand.Server.Tests.Custody;

/// <summary>Custody commands and reads as a client sends them, for tests that need a person questioned, decided or looked up.</summary>
public static class CustodySteps
{
    public static string PersonPath(Guid personId, string? action = null) =>
        action is null ? $"/api/persons/{personId}" : $"/api/persons/{personId}/{action}";

    public static Task<CommandReply> QuestionAsync(this ApiClient api, Guid personId) =>
        Api(api).CommandAsync(PersonPath(personId, "questioning"), new { questionedBy = "Inspector Sun", location = "On site", occurredAt = RaidScenario.JustNow });

    public static Task<CommandReply> DetainAsync(this ApiClient api, Guid personId, string facility = "Zhengzhou No. 1 Detention Centre") =>
        Api(api).CommandAsync(PersonPath(personId, "detention"), new { approvingOfficer = "Deputy Director Ma", facility, occurredAt = RaidScenario.JustNow });

    public static Task<CommandReply> BailAsync(this ApiClient api, Guid personId) =>
        Api(api).CommandAsync(PersonPath(personId, "bail"), new { approvedBy = "Deputy Director Ma", conditions = "Report weekly", occurredAt = RaidScenario.JustNow });

    public static Task<CommandReply> ReleaseAsync(this ApiClient api, Guid personId) =>
        Api(api).CommandAsync(PersonPath(personId, "release"), new { releasedBy = "Inspector Sun", reason = "Not involved", occurredAt = RaidScenario.JustNow });

    /// <summary>Questions and detains: the path every person bound for a transfer takes.</summary>
    public static async Task<CommandReply> QuestionAndDetainAsync(this ApiClient api, Guid personId, string facility = "Zhengzhou No. 1 Detention Centre")
    {
        await api.QuestionAsync(personId);
        return await api.DetainAsync(personId, facility);
    }

    /// <summary>The person's custody record once it reflects the command at <paramref name="position"/>.</summary>
    public static Task<JsonElement> CustodyRecordAsync(this ApiClient api, Guid personId, string position) =>
        Api(api).GetJsonAsync($"{PersonPath(personId)}?after={position}");

    private static ApiClient Api(ApiClient api) => api ?? throw new ArgumentNullException(nameof(api));
}
