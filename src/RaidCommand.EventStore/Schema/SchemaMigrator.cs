using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace RaidCommand.EventStore.Schema;

/// <summary>
/// Applies the versioned SQL files embedded in this assembly, in order, each once.
/// Safe when several nodes start together: they queue on one advisory lock.
/// </summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource, EventStoreOptions options, ILogger<SchemaMigrator> logger)
{
    private const int MigrationLockClass = 0x52430000; // "RC" followed by zeros: the store's advisory-lock namespace.
    private static readonly IReadOnlyList<Migration> Migrations = LoadMigrations();

    public static int LatestVersion => Migrations[^1].Version;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await Execute(connection, "select pg_advisory_lock($1, hashtext($2))", cancellationToken, MigrationLockClass, options.Schema);
        try
        {
            await Execute(connection, $"""
                create schema if not exists {options.Schema};
                create table if not exists {options.Schema}.schema_migrations (
                    version int primary key, name text not null, applied_at timestamptz not null default now())
                """, cancellationToken);

            var applied = await AppliedVersions(connection, cancellationToken);
            foreach (var migration in Migrations.Where(m => !applied.Contains(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await Execute(connection, migration.Sql.Replace("__schema__", options.Schema, StringComparison.Ordinal), cancellationToken);
                await Execute(connection, $"insert into {options.Schema}.schema_migrations (version, name) values ($1, $2)", cancellationToken, migration.Version, migration.Name);
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied event store migration {Version} {Name} to schema {Schema}", migration.Version, migration.Name, options.Schema);
            }
        }
        finally
        {
            await Execute(connection, "select pg_advisory_unlock($1, hashtext($2))", CancellationToken.None, MigrationLockClass, options.Schema);
        }
    }

    public async Task<bool> IsUpToDateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"select to_regclass('{options.Schema}.schema_migrations') is not null", connection);
        if (!(bool)(await command.ExecuteScalarAsync(cancellationToken))!)
        {
            return false;
        }

        var applied = await AppliedVersions(connection, cancellationToken);
        return Migrations.All(m => applied.Contains(m.Version));
    }

    private async Task<HashSet<int>> AppliedVersions(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select version from {options.Schema}.schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<Migration> LoadMigrations()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(resource => Migration.From(assembly, resource))
            .OrderBy(m => m.Version)
            .ToList();

        return migrations.Count > 0 ? migrations : throw new InvalidOperationException("No schema migrations are embedded.");
    }

    private sealed record Migration(int Version, string Name, string Sql)
    {
        // Resource names look like "RaidCommand.EventStore.Schema.0001_event_store.sql".
        public static Migration From(Assembly assembly, string resource)
        {
            var fileName = resource[(resource.LastIndexOf(".Schema.", StringComparison.Ordinal) + ".Schema.".Length)..];
            var version = int.Parse(fileName[..fileName.IndexOf('_', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            return new Migration(version, Path.GetFileNameWithoutExtension(fileName), reader.ReadToEnd());
        }
    }
}
