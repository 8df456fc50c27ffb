using Npgsql;

namespace RaidCommand.Server.Security.Access;

public sealed record AccountRecord(Guid UserId, string UserName, string DisplayName, IReadOnlyList<string> Roles, bool Active);

/// <summary>Reads the access tables: accounts by id or name, a caller's memberships, password hashes.</summary>
public sealed class AccessDirectory(NpgsqlDataSource dataSource)
{
    private const string AccountColumns = "user_id, user_name, display_name, roles, active";

    public Task<AccountRecord?> FindAccountAsync(Guid userId, CancellationToken cancellationToken) =>
        FindAccountWhereAsync("user_id = $1", userId, cancellationToken);

    public Task<AccountRecord?> FindAccountByUserNameAsync(string userName, CancellationToken cancellationToken) =>
        FindAccountWhereAsync("user_name = $1", userName, cancellationToken);

    public async Task<IReadOnlyList<AccountRecord>> ListAccountsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {AccountColumns} from {SecuritySchema.Schema}.accounts order by user_name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var accounts = new List<AccountRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts.Add(ReadAccount(reader));
        }

        return accounts;
    }

    public async Task<bool> AnyAccountAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select exists (select from {SecuritySchema.Schema}.accounts)");
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>The caller's account and memberships in one round trip; null when the account is unknown or deactivated.</summary>
    public async Task<CallerAccess?> FindActiveCallerAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            select a.user_name, a.display_name, a.roles, m.operation_id, m.capacity, m.team_id
            from {SecuritySchema.Schema}.accounts a
            left join {SecuritySchema.Schema}.memberships m on m.user_id = a.user_id
            where a.user_id = $1 and a.active
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        CallerAccess? caller = null;
        var memberships = new List<OperationMembership>();
        while (await reader.ReadAsync(cancellationToken))
        {
            caller ??= new CallerAccess(userId, reader.GetString(0), reader.GetString(1), reader.GetFieldValue<string[]>(2), memberships);
            if (!reader.IsDBNull(3))
            {
                memberships.Add(new OperationMembership(reader.GetGuid(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetGuid(5)));
            }
        }

        return caller;
    }

    public async Task<IReadOnlyList<(AccountRecord Account, OperationMembership Membership)>> MembersOfAsync(Guid operationId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            select a.user_id, a.user_name, a.display_name, a.roles, a.active, m.capacity, m.team_id
            from {SecuritySchema.Schema}.memberships m join {SecuritySchema.Schema}.accounts a using (user_id)
            where m.operation_id = $1 order by m.capacity, a.user_name
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = operationId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var members = new List<(AccountRecord, OperationMembership)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            members.Add((ReadAccount(reader), new OperationMembership(operationId, reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetGuid(6))));
        }

        return members;
    }

    public async Task<string?> FindPasswordHashAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select password_hash from {SecuritySchema.Schema}.credentials where user_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task StorePasswordHashAsync(Guid userId, string hash, DateTimeOffset changedAt, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            insert into {SecuritySchema.Schema}.credentials (user_id, password_hash, changed_at) values ($1, $2, $3)
            on conflict (user_id) do update set password_hash = excluded.password_hash, changed_at = excluded.changed_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        command.Parameters.Add(new NpgsqlParameter { Value = hash });
        command.Parameters.Add(new NpgsqlParameter { Value = changedAt });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<AccountRecord?> FindAccountWhereAsync(string condition, object value, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {AccountColumns} from {SecuritySchema.Schema}.accounts where {condition}");
        command.Parameters.Add(new NpgsqlParameter { Value = value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadAccount(reader) : null;
    }

    private static AccountRecord ReadAccount(NpgsqlDataReader reader) =>
        new(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<string[]>(3), reader.GetBoolean(4));
}
