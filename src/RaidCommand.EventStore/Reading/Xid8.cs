using Npgsql;
using NpgsqlTypes;

namespace RaidCommand.EventStore.Reading;

/// <summary>
/// Transaction ids (PostgreSQL <c>xid8</c>) travel as <see cref="ulong"/> both ways: read with
/// <c>GetFieldValue&lt;ulong&gt;</c>, written as typed parameters, with no text casts in the SQL.
/// </summary>
internal static class Xid8
{
    public static NpgsqlParameter Parameter(ulong transactionId) => new() { NpgsqlDbType = NpgsqlDbType.Xid8, Value = transactionId };
}
