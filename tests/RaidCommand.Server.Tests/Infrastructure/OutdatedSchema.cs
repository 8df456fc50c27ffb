using RaidCommand.Server.Hosting;

namespace RaidCommand.Server.Tests.Infrastructure;

/// <summary>A schema that migrates nothing and always reports itself out of date, to see readiness fail.</summary>
internal sealed class OutdatedSchema : IDatabaseSchema
{
    public int Migrations { get; private set; }

    public Task MigrateAsync(CancellationToken cancellationToken)
    {
        Migrations++;
        return Task.CompletedTask;
    }

    public Task<bool> IsUpToDateAsync(CancellationToken cancellationToken) => Task.FromResult(false);
}
