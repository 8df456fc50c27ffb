using RaidCommand.Server.Hosting;
using RaidCommand.Server.ReadModels;

namespace RaidCommand.Server.EventSourcing;

/// <summary>The read-model tables of every registered projection.</summary>
public sealed class ReadModelDatabaseSchema(ReadModelSchema schema) : IDatabaseSchema
{
    public Task MigrateAsync(CancellationToken cancellationToken) => schema.CreateAsync(cancellationToken);

    public Task<bool> IsUpToDateAsync(CancellationToken cancellationToken) => schema.ExistsAsync(cancellationToken);
}
