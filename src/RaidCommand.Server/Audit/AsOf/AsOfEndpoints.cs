using RaidCommand.Server.Board;
using RaidCommand.Server.Commands;
using RaidCommand.Server.Custody.Reading;
using RaidCommand.Server.Security.Access;

namespace RaidCommand.Server.Audit.AsOf;

/// <summary>The board, the custody register and one person's record as they stood at an instant.</summary>
public static class AsOfEndpoints
{
    private const string Clocks = "?at=<ISO 8601 instant>&clock=recorded (what the command knew then, the default) or occurred (what had happened by then).";

    public static RouteHandlerBuilder MapBoardAsOf(this RouteGroupBuilder operations) =>
        operations.MapGet("/{operationId:guid}/board/as-of", async (Guid operationId, AsOfReplay replay, AsOfFolds folds, HttpContext http, CancellationToken cancellationToken) =>
            {
                var query = AsOfQuery.From(http);
                var (views, applied) = await replay.ReplayAsync(folds.Board, operationId, query, cancellationToken);
                return Wrap(query, applied, views.GetValueOrDefault(OperationBoardProjection.DocumentId(operationId)));
            })
            .WithName("GetBoardAsOf").WithSummary("The command board as it stood at an instant").WithDescription(Clocks);

    public static RouteHandlerBuilder MapCustodyRegisterAsOf(this RouteGroupBuilder operations) =>
        operations.MapGet("/{operationId:guid}/custody/as-of", async (Guid operationId, AsOfReplay replay, AsOfFolds folds, HttpContext http, CancellationToken cancellationToken) =>
            {
                var query = AsOfQuery.From(http);
                var (views, applied) = await replay.ReplayAsync(folds.CustodyRecords, operationId, query, cancellationToken);
                var register = views.Values.OrderBy(r => r.ArrestedAt).ThenBy(r => r.PersonId).Select(CustodyRegisterLine.Of).ToList();
                return Wrap(query, applied, register);
            })
            .WithName("GetCustodyRegisterAsOf").WithSummary("The custody register as it stood at an instant").WithDescription(Clocks);

    public static RouteHandlerBuilder MapCustodyRecordAsOf(this RouteGroupBuilder persons) =>
        persons.MapGet("/{personId:guid}/as-of", async (
                Guid personId, AsOfReplay replay, AsOfFolds folds, StreamOwnership ownership, HttpContext http, CancellationToken cancellationToken) =>
            {
                var query = AsOfQuery.From(http);
                var operationId = await ownership.OperationOfPersonAsync(personId, cancellationToken) ?? throw new ResourceNotFoundException("person", personId);
                var (views, _) = await replay.ReplayStreamAsync(folds.CustodyRecords, operationId, StreamIds.Person(personId), query, cancellationToken);
                var record = views.GetValueOrDefault(CustodyRecordProjection.DocumentId(personId));
                return Wrap(query, record?.History.Count ?? 0, record);
            })
            .WithName("GetCustodyRecordAsOf").WithSummary("A person's custody record as it stood at an instant").WithDescription(Clocks);

    private static AsOfView<TView> Wrap<TView>(AsOfQuery query, int applied, TView? view) =>
        new(query.At, query.Clock.ToString().ToLowerInvariant(), applied, view);
}
