using System.Globalization;
using Npgsql;
using RaidCommand.EventStore;

namespace RaidCommand.Server.Audit.AsOf;

/// <summary>Positional parameters for SQL written inline: <see cref="Add"/> returns the placeholder of a value.</summary>
public sealed class SqlArguments
{
    private readonly List<object> _values = [];

    /// <summary>Adds a value (instants as UTC, the form they are stored and compared in) and returns its placeholder, e.g. "$3".</summary>
    public string Add(object value)
    {
        _values.Add(value is DateTimeOffset instant ? instant.ToUniversalTime() : value);
        return $"${_values.Count}";
    }

    /// <summary>A feed position as the (transaction id, global position) row the feed orders by.</summary>
    public string Position(FeedPosition position) =>
        $"({Add(position.TransactionId.ToString(CultureInfo.InvariantCulture))}::xid8, {Add(position.GlobalPosition)})";

    /// <summary>An array of binary strings, which Npgsql cannot infer from a byte[][] alone.</summary>
    public string AddBinaryArray(byte[][] values)
    {
        _values.Add(new NpgsqlParameter { Value = values, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bytea });
        return $"${_values.Count}";
    }

    public NpgsqlCommand Command(string sql, NpgsqlConnection connection)
    {
        var command = new NpgsqlCommand(sql, connection);
        AddTo(command.Parameters);
        return command;
    }

    public NpgsqlBatchCommand BatchCommand(string sql)
    {
        var command = new NpgsqlBatchCommand(sql);
        AddTo(command.Parameters);
        return command;
    }

    private void AddTo(NpgsqlParameterCollection parameters)
    {
        foreach (var value in _values)
        {
            parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        }
    }
}
