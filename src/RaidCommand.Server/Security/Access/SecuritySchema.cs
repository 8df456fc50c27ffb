using Npgsql;
using RaidCommand.Server.Hosting;

namespace RaidCommand.Server.Security.Access;

/// <summary>
/// The tables behind sign-in and need-to-know. <c>accounts</c> and <c>memberships</c> are kept by
/// <see cref="AccessProjection"/> inside the append's transaction, so a granted role or a removed member takes
/// effect with the event. <c>credentials</c> holds password hashes, which never go into events.
/// </summary>
public sealed class SecuritySchema(NpgsqlDataSource dataSource) : IDatabaseSchema
{
    public const string Schema = "security";

    private const string CreateSql = $"""
        create schema if not exists {Schema};
        create table if not exists {Schema}.accounts (
            user_id      uuid primary key,
            user_name    text not null,
            display_name text not null,
            roles        text[] not null,
            active       boolean not null);
        create unique index if not exists accounts_user_name on {Schema}.accounts (user_name);
        create table if not exists {Schema}.credentials (
            user_id       uuid primary key,
            password_hash text not null,
            changed_at    timestamptz not null);
        create table if not exists {Schema}.memberships (
            operation_id uuid not null,
            user_id      uuid not null,
            capacity     text not null,
            team_id      uuid,
            primary key (operation_id, user_id));
        create index if not exists memberships_user on {Schema}.memberships (user_id);
        """;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(CreateSql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> IsUpToDateAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select count(*) from information_schema.tables where table_schema = '{Schema}' and table_name in ('accounts', 'credentials', 'memberships')");
        return await command.ExecuteScalarAsync(cancellationToken) is 3L;
    }
}
