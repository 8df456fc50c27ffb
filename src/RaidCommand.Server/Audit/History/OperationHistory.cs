using System.Globalization;
using System.Runtime.CompilerServices;
using Npgsql;
using RaidCommand.EventStore;
using RaidCommand.EventStore.Reading;
using RaidCommand.Server.Audit.AsOf;
using RaidCommand.Server.Commands;
using RaidCommand.Server.Security.Access;

namespace RaidCommand.Server.Audit.History;

/// <summary>
/// Reads an operation's events straight from the log, in feed order. An operation's streams are those whose first
/// event names it: every stream of the domain starts with an event carrying <c>operationId</c> (the operation, its
/// roster, each site's log, each person's custody record, each transfer), so no side index can be behind the log.
/// <see cref="AuditSchema"/> adds the partial expression index that makes this lookup cheap.
/// </summary>
public sealed class OperationHistory(NpgsqlDataSource dataSource, EventStoreOptions options, EventStore.EventStore store)
{
    public const int MaxPage = 5000;

    /// <summary>The events after <paramref name="afterPosition"/> (a global position) that pass the filter, at most <paramref name="limit"/>.</summary>
    public async IAsyncEnumerable<HistoryEntry> ReadAsync(
        Guid operationId, HistoryFilter filter, long afterPosition, int limit, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var command = Build(operationId, filter, afterPosition, limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new HistoryEntry(EventRows.Read(reader, store.Serializer), reader.IsDBNull(16) ? null : reader.GetString(16));
        }
    }

    /// <summary>How many events the operation has and the earliest and latest instants on each clock (nulls when it has none).</summary>
    public async Task<TimelineSpan> SpanAsync(Guid operationId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        command.CommandText =
            "select count(*), min(e.occurred_at), max(e.occurred_at), min(e.recorded_at), max(e.recorded_at)"
            + $" from {options.Schema}.events e where {OfOperation(command, operationId)}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new TimelineSpan(reader.GetInt64(0), Instant(reader, 1), Instant(reader, 2), Instant(reader, 3), Instant(reader, 4));
    }

    /// <summary>
    /// The operation's events in feed order with positions in (<paramref name="after"/>, <paramref name="upTo"/>], at most
    /// <paramref name="limit"/>: a live subscriber's catch-up, below a position the feed has already delivered, so
    /// every such event is committed and none can appear later.
    /// </summary>
    public async Task<List<RecordedEvent>> ReadFeedRangeAsync(Guid operationId, FeedPosition after, FeedPosition upTo, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var ofOperation = OfOperation(command, operationId);
        var afterTx = Add(command, after.TransactionId.ToString(CultureInfo.InvariantCulture));
        var afterPos = Add(command, after.GlobalPosition);
        var upToTx = Add(command, upTo.TransactionId.ToString(CultureInfo.InvariantCulture));
        var upToPos = Add(command, upTo.GlobalPosition);
        command.CommandText =
            $"select {Qualified} from {options.Schema}.events e where {ofOperation}"
            + $" and (e.transaction_id, e.global_position) > ({afterTx}::xid8, {afterPos})"
            + $" and (e.transaction_id, e.global_position) <= ({upToTx}::xid8, {upToPos})"
            + $" order by e.transaction_id, e.global_position limit {Add(command, limit)}";
        var events = new List<RecordedEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(EventRows.Read(reader, store.Serializer));
        }

        return events;
    }

    /// <summary>
    /// The effective occurred time (<see cref="EffectiveOccurredTimes"/>) of each of the operation's events up to a global
    /// position, by global position: the instant each counts from on the occurred clock. It depends only on events before
    /// it in the feed, so the events up to the position are enough; their stated times are read, and the payloads only of
    /// those the rule looks into (the operation's own events and each stream's first event).
    /// </summary>
    public async Task<Dictionary<long, DateTimeOffset>> EffectiveOccurredTimesAsync(Guid operationId, long upToPosition, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var ofOperation = OfOperation(command, operationId);
        var read = $"(e.stream_version = 1 or e.stream_id = {Add(command, StreamIds.Operation(operationId))})";
        command.CommandText = $"""
            select e.stream_id, e.occurred_at, e.global_position,
                   case when {read} then e.event_type end, case when {read} then e.schema_version end, case when {read} then e.data end
              from {options.Schema}.events e
             where {ofOperation} and e.global_position <= {Add(command, upToPosition)}
             order by e.transaction_id, e.global_position
            """;
        var times = new EffectiveOccurredTimes();
        var effective = new Dictionary<long, DateTimeOffset>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var data = reader.IsDBNull(3) ? null : store.Serializer.Deserialize(reader.GetString(3), reader.GetInt32(4), reader.GetFieldValue<byte[]>(5)).Data;
            effective[reader.GetInt64(2)] = times.Next(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), data);
        }

        return effective;
    }

    private string OfOperation(NpgsqlCommand command, Guid operationId) =>
        $"e.stream_id in (select f.stream_id from {options.Schema}.events f where f.stream_version = 1 and f.data ->> 'operationId' = {Add(command, operationId.ToString())})";

    private NpgsqlCommand Build(Guid operationId, HistoryFilter filter, long afterPosition, int limit)
    {
        var command = dataSource.CreateCommand();
        var conditions = new List<string>
        {
            OfOperation(command, operationId),
            $"e.global_position > {Add(command, afterPosition)}",
        };
        if (filter.Types.Count > 0)
        {
            conditions.Add($"e.event_type = any({Add(command, filter.Types.ToArray())})");
        }

        if (filter.SiteId is { } site)
        {
            conditions.Add($"e.data ->> 'siteId' = {Add(command, site.ToString())}");
        }

        if (filter.PersonId is { } person)
        {
            var id = Add(command, person.ToString());
            conditions.Add($"(e.stream_id = {Add(command, $"person-{person:N}")} or e.data ->> 'personId' = {id} or e.data -> 'personIds' ? {id} or e.data -> 'manifest' ? {id})");
        }

        if (filter.TeamId is { } team)
        {
            var id = Add(command, team.ToString());
            conditions.Add($"(e.data ->> 'teamId' = {id} or e.data ->> 'escortTeamId' = {id})");
        }

        if (filter.CityCode is { } city)
        {
            var code = Add(command, city);
            conditions.Add($"(e.data ->> 'cityCode' = {code} or e.data ->> 'originCity' = {code} or e.data ->> 'destinationCity' = {code})");
        }

        if (filter.OccurredFrom is { } from)
        {
            conditions.Add($"e.occurred_at >= {Add(command, from)}");
        }

        if (filter.OccurredTo is { } to)
        {
            conditions.Add($"e.occurred_at <= {Add(command, to)}");
        }

        if (filter.LateBy is { } late)
        {
            conditions.Add($"e.recorded_at - e.occurred_at > {Add(command, late)}");
        }

        command.CommandText = $"""
            select {Qualified}, a.user_name
            from {options.Schema}.events e
            left join {SecuritySchema.Schema}.accounts a on a.user_id::text = e.actor_id
            where {string.Join(" and ", conditions)}
            order by e.global_position
            limit {Add(command, Math.Clamp(limit, 1, MaxPage))}
            """;
        return command;
    }

    private static DateTimeOffset? Instant(NpgsqlDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : reader.GetFieldValue<DateTimeOffset>(column);

    private static readonly string Qualified = string.Join(", ", EventRows.Columns.Split(',', StringSplitOptions.TrimEntries).Select(c => $"e.{c}"));

    private static string Add(NpgsqlCommand command, object value)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = value });
        return $"${command.Parameters.Count}";
    }
}
