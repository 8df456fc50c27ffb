using Npgsql;

namespace RaidCommand.EventStore.Appending;

/// <summary>
/// One way of writing a batch in one round trip. A store keeps one of each, built once for its schema, and writes a
/// batch with the first that fits its shape; all of them write the same rows, take the same locks and hash the same
/// canonical text.
/// </summary>
internal interface IAppendWriter
{
    /// <summary>The writer's name in telemetry (the <c>eventstore.writer</c> tag).</summary>
    string Name { get; }

    bool Fits(IReadOnlyList<StreamAppend> appends);

    Task<AppendResult> ExecuteAsync(NpgsqlConnection connection, IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken);
}
