using RaidCommand.EventStore.Schema;
using RaidCommand.Server.Hosting;

namespace RaidCommand.Server.EventSourcing;

/// <summary>The event store's own tables, brought up to date by its versioned migrations.</summary>
public sealed class EventStoreDatabaseSchema(SchemaMigrator migrator) : IDatabaseSchema
{
    public Task MigrateAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task<bool> IsUpToDateAsync(CancellationToken cancellationToken) => migrator.IsUpToDateAsync(cancellationToken);
}
