using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Npgsql;
using RaidCommand.EventStore;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Security.Access;

/// <summary>
/// Which operation a stream belongs to: for routes that name a person or a transfer rather than the operation, and
/// for live pushes of events that do not carry the operation themselves. The stream's first event names it (<c>PersonArrested.OperationId</c>, <c>TransferPlanned.OperationId</c>); an
/// event never changes, so an answer is cached for the life of the process.
/// </summary>
public sealed class StreamOwnership(NpgsqlDataSource dataSource, EventStoreOptions options)
{
    private readonly ConcurrentDictionary<string, Guid> _owners = new(StringComparer.Ordinal);

    public Task<Guid?> OperationOfPersonAsync(Guid personId, CancellationToken cancellationToken) =>
        OperationOfAsync(StreamIds.Person(personId), cancellationToken);

    public Task<Guid?> OperationOfTransferAsync(Guid transferId, CancellationToken cancellationToken) =>
        OperationOfAsync(StreamIds.Transfer(transferId), cancellationToken);

    /// <summary>
    /// The operation of the stream of an event at hand. When it is the stream's first event it names the operation
    /// itself: no query, and the answer is kept for the stream's later events. The live feed meets one on nearly every
    /// page, since every arrest starts a person's custody record.
    /// </summary>
    /// <param name="data">The event's data as JSON, named as stored (<c>operationId</c>).</param>
    public ValueTask<Guid?> OperationOfAsync(string streamId, long streamVersion, JsonNode? data, CancellationToken cancellationToken)
    {
        if (streamVersion == 1 && data?["operationId"] is JsonValue named && named.TryGetValue<string>(out var text) && Guid.TryParse(text, out var operationId))
        {
            _owners.TryAdd(streamId, operationId);
            return ValueTask.FromResult<Guid?>(operationId);
        }

        return new(OperationOfAsync(streamId, cancellationToken));
    }

    /// <summary>The operation any stream belongs to (every stream's first event names it), or null (accounts, unknown streams).</summary>
    public async Task<Guid?> OperationOfAsync(string streamId, CancellationToken cancellationToken)
    {
        if (_owners.TryGetValue(streamId, out var known))
        {
            return known;
        }

        await using var command = dataSource.CreateCommand(
            $"select (data ->> 'operationId')::uuid from {options.Schema}.events where stream_id = $1 and stream_version = 1");
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        if (await command.ExecuteScalarAsync(cancellationToken) is not Guid operationId)
        {
            return null;
        }

        _owners.TryAdd(streamId, operationId);
        return operationId;
    }
}
