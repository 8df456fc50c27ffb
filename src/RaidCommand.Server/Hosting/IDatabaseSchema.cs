namespace RaidCommand.Server.Hosting;

/// <summary>
/// A set of tables the server needs in its database, brought up to date at startup and checked by /health/ready.
/// Modules register one per schema they own (the event store binds its SchemaMigrator here).
/// </summary>
public interface IDatabaseSchema
{
    /// <summary>Applies whatever is missing; safe to run on every start and from several nodes at once.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    Task<bool> IsUpToDateAsync(CancellationToken cancellationToken);
}
