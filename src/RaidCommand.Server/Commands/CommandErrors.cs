using RaidCommand.EventStore;

namespace RaidCommand.Server.Commands;

/// <summary>The addressed resource does not exist (HTTP 404).</summary>
public sealed class ResourceNotFoundException(string resource, Guid id)
    : Exception($"No {resource} with id {id} exists.")
{
    public string Resource { get; } = resource;
    public Guid Id { get; } = id;
}

/// <summary>The client asked for strict concurrency with If-Match and the stream has moved on (HTTP 412).</summary>
public sealed class PreconditionFailedException(WrongExpectedVersionException conflict)
    : Exception($"Stream {conflict.StreamId} is at version {conflict.ActualVersion}; the request's If-Match expected {conflict.Expected}.", conflict)
{
    public long ActualVersion { get; } = conflict.ActualVersion;
}
