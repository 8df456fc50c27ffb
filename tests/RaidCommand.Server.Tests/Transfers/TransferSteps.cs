using RaidCommand.Server.Tests.Api;

namespace RaidCommand.Server.Tests.Transfers;

/// <summary>Transfer commands as a client sends them.</summary>
public static class TransferSteps
{
    public static string TransferPath(Guid transferId, string? step = null) =>
        step is null ? $"/api/transfers/{transferId}" : $"/api/transfers/{transferId}/{step}";

    public static object PlanBody(string origin, string destination, Guid escortTeamId, IEnumerable<Guid> manifest) => new
    {
        originCity = origin,
        destinationCity = destination,
        mode = "Air",
        vehicleOrFlight = "CA1234",
        escortTeamId,
        manifest = manifest.ToArray(),
    };

    /// <summary>Plans a transfer and returns its id (from the Location).</summary>
    public static async Task<Guid> PlanTransferAsync(this RaidScenario raid, string origin, string destination, Guid escortTeamId, IEnumerable<Guid> manifest)
    {
        ArgumentNullException.ThrowIfNull(raid);
        var reply = await raid.Api.CommandAsync($"{raid.OperationPath}/transfers", PlanBody(origin, destination, escortTeamId, manifest));
        return reply.CreatedId;
    }

    public static Task<CommandReply> BoardAsync(this ApiClient api, Guid transferId, IEnumerable<Guid> personIds) =>
        Api(api).CommandAsync(TransferPath(transferId, "board"), new { personIds = personIds.ToArray(), occurredAt = RaidScenario.JustNow });

    public static Task<CommandReply> DepartAsync(this ApiClient api, Guid transferId, int headcount) =>
        Api(api).CommandAsync(TransferPath(transferId, "depart"), new { headcount, occurredAt = RaidScenario.JustNow });

    public static Task<CommandReply> CheckpointAsync(this ApiClient api, Guid transferId, string place, int headcount) =>
        Api(api).CommandAsync(TransferPath(transferId, "checkpoints"), new { place, headcount, note = (string?)null, occurredAt = RaidScenario.JustNow });

    public static Task<CommandReply> ArriveAsync(this ApiClient api, Guid transferId, int headcount) =>
        Api(api).CommandAsync(TransferPath(transferId, "arrive"), new { headcount, occurredAt = RaidScenario.JustNow });

    public static Task<CommandReply> HandOverAsync(this ApiClient api, Guid transferId, int headcount, string facility = "Lanzhou Detention Centre") =>
        Api(api).CommandAsync(TransferPath(transferId, "handover"), new { receivingFacility = facility, receivingOfficer = "Officer Gao", headcount, occurredAt = RaidScenario.JustNow });

    private static ApiClient Api(ApiClient api) => api ?? throw new ArgumentNullException(nameof(api));
}
