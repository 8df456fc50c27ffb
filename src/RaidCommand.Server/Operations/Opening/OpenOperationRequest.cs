using RaidCommand.Domain.Operations;

namespace RaidCommand.Server.Operations.Opening;

/// <summary>Opens an operation (专案) from the victim report that started it.</summary>
/// <param name="OperationId">Optional client-chosen id; when absent it is derived from the command id, so a retry opens the same operation.</param>
/// <param name="CodeName">The operation's code name, e.g. "5·26".</param>
/// <param name="OriginCase">The victim report: case reference, reported loss and when it was reported.</param>
/// <param name="HomeCity">The city that leads the case and receives the detainees.</param>
public sealed record OpenOperationRequest(
    Guid? OperationId, string CodeName, string Title, OriginCase OriginCase, CityRef HomeCity, string Commander);
