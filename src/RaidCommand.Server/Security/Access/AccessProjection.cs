using Npgsql;
using RaidCommand.Domain.Accounts;
using RaidCommand.Domain.Membership;
using RaidCommand.EventStore;

namespace RaidCommand.Server.Security.Access;

/// <summary>
/// Keeps <c>security.accounts</c> and <c>security.memberships</c> in the append's own transaction (inline), because
/// authorization must never lag the events: a member removed is refused from the very next request. Events of
/// other kinds do not reach it, so field entries keep their single-round-trip append.
/// </summary>
public sealed class AccessProjection : IInlineProjection
{
    private const string Accounts = $"{SecuritySchema.Schema}.accounts";
    private const string Memberships = $"{SecuritySchema.Schema}.memberships";

    public bool AppliesTo(Type eventType) =>
        AccountEvents.TypeNames.ContainsKey(eventType) || MembershipEvents.TypeNames.ContainsKey(eventType);

    public async Task ApplyAsync(NpgsqlConnection connection, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var recorded in events)
        {
            var (sql, parameters) = Statement(recorded.Data);
            if (sql is null)
            {
                continue;
            }

            await using var command = new NpgsqlCommand(sql, connection);
            foreach (var value in parameters)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static (string? Sql, object?[] Parameters) Statement(object data) => data switch
    {
        // The unique user-name index turns a name taken by a concurrent registration into a failed append.
        AccountRegistered e => ($"insert into {Accounts} (user_id, user_name, display_name, roles, active) values ($1, $2, $3, $4, true)",
            [e.UserId, e.UserName, e.DisplayName, e.Roles.ToArray()]),
        RoleGranted e => ($"update {Accounts} set roles = array(select distinct unnest(roles || $2::text) order by 1) where user_id = $1", [e.UserId, e.Role]),
        RoleRevoked e => ($"update {Accounts} set roles = array_remove(roles, $2) where user_id = $1", [e.UserId, e.Role]),
        AccountDeactivated e => ($"update {Accounts} set active = false where user_id = $1", [e.UserId]),
        AccountReactivated e => ($"update {Accounts} set active = true where user_id = $1", [e.UserId]),
        MemberAdded e => ($"insert into {Memberships} (operation_id, user_id, capacity, team_id) values ($1, $2, $3, $4)",
            [e.OperationId, e.UserId, e.Capacity, e.TeamId]),
        MemberRemoved e => ($"delete from {Memberships} where operation_id = $1 and user_id = $2", [e.OperationId, e.UserId]),
        _ => (null, []),
    };
}
