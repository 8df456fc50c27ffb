using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RaidCommand.EventStore;
using RaidCommand.Server.Audit.AsOf;
using RaidCommand.Server.Commands;
using RaidCommand.Server.Custody.Reading;

namespace RaidCommand.Server.Tests.Audit.Snapshots;

/// <summary>
/// Asks for an operation's board and custody register as of every instant that matters, on both clocks, from the
/// snapshots and by full replay, and asserts the answers are the same: on each event's own timestamp of that
/// clock (on the occurred clock both its stated and its effective occurred time), a microsecond (the store's precision)
/// before and after it, and before the first and after the last.
/// </summary>
public static class AsOfAgreement
{
    private static readonly JsonSerializerOptions Json = EventSerializer.DefaultJsonOptions();

    public static async Task AssertSnapshotsAgreeWithFullReplayAsync(IServiceProvider services, Guid operationId)
    {
        ArgumentNullException.ThrowIfNull(services);
        var replay = services.GetRequiredService<AsOfReplay>();
        var folds = services.GetRequiredService<AsOfFolds>();
        var events = await EventsAsync(services, operationId);
        var disagreements = new List<string>();
        foreach (var clock in new[] { AuditClock.Recorded, AuditClock.Occurred })
        {
            foreach (var at in Instants(events, clock))
            {
                var query = new AsOfQuery(at, clock);
                var fullBoard = Text(await replay.FullReplayAsync(folds.Board, operationId, query, CancellationToken.None));
                var board = Text(await replay.ReplayAsync(folds.Board, operationId, query, CancellationToken.None));
                var fullCustody = await replay.FullReplayAsync(folds.CustodyRecords, operationId, query, CancellationToken.None);
                var custody = Text(await replay.ReplayAsync(folds.CustodyRecords, operationId, query, CancellationToken.None));
                Disagree(disagreements, "board", query, fullBoard, board);
                Disagree(disagreements, "custody register", query, Text(fullCustody), custody);
                foreach (var personId in events.Where(e => e.Data is Domain.Custody.PersonArrested).Select(e => ((Domain.Custody.PersonArrested)e.Data).PersonId))
                {
                    var (record, _) = await replay.ReplayStreamAsync(folds.CustodyRecords, operationId, StreamIds.Person(personId), query, CancellationToken.None);
                    var id = CustodyRecordProjection.DocumentId(personId);
                    Disagree(disagreements, $"custody record {personId}", query,
                        JsonSerializer.Serialize(fullCustody.Views.GetValueOrDefault(id), Json), JsonSerializer.Serialize(record.GetValueOrDefault(id), Json));
                }
            }
        }

        Assert.True(disagreements.Count == 0, $"{disagreements.Count} as-of answers differ from the full replay:\n{string.Join('\n', disagreements.Take(10))}");
    }

    /// <summary>The operation's events as stored, in feed order.</summary>
    public static async Task<List<RecordedEvent>> EventsAsync(IServiceProvider services, Guid operationId)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        return await services.GetRequiredService<AsOfEventReads>().OperationEventsAsync(connection, operationId, CancellationToken.None);
    }

    public static async Task<long> SnapshotCountAsync(IServiceProvider services, Guid operationId, AuditClock clock, DateTimeOffset? instantFrom = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var command = services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            $"select count(*) from {AsOfSnapshots.Table} where operation_id = $1 and clock = $2 and instant >= $3");
        command.Parameters.Add(new NpgsqlParameter { Value = operationId });
        command.Parameters.Add(new NpgsqlParameter { Value = AsOfSnapshots.ClockName(clock) });
        command.Parameters.Add(new NpgsqlParameter { Value = (instantFrom ?? DateTimeOffset.UnixEpoch).ToUniversalTime() });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The latest instant at which the operation has a snapshot on <paramref name="clock"/>.</summary>
    public static async Task<DateTimeOffset> LatestSnapshotInstantAsync(IServiceProvider services, Guid operationId, AuditClock clock)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var command = services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            $"select max(instant) from {AsOfSnapshots.Table} where operation_id = $1 and clock = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = operationId });
        command.Parameters.Add(new NpgsqlParameter { Value = AsOfSnapshots.ClockName(clock) });
        return await command.ExecuteScalarAsync() is DateTime latest
            ? new DateTimeOffset(latest, TimeSpan.Zero)
            : throw new InvalidOperationException($"Operation {operationId} has no {clock} snapshot.");
    }

    /// <summary>The operation's stored snapshots, each as one line of text (clock, view, version, count, position, instant, state digest), optionally of one clock with instants in [from, to).</summary>
    public static async Task<List<string>> SnapshotRowsAsync(
        IServiceProvider services, Guid operationId, AuditClock? clock = null, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var command = services.GetRequiredService<NpgsqlDataSource>().CreateCommand($"""
            select concat_ws(' ', clock, view_name, fold_version, event_count, transaction_id, global_position, instant, md5(state))
              from {AsOfSnapshots.Table}
             where operation_id = $1 and ($2::text is null or clock = $2) and instant >= $3 and instant < $4
             order by clock, view_name, event_count
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = operationId });
        command.Parameters.Add(new NpgsqlParameter { Value = clock is { } c ? AsOfSnapshots.ClockName(c) : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (from ?? DateTimeOffset.MinValue).ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = (to ?? DateTimeOffset.MaxValue).ToUniversalTime() });
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static IEnumerable<DateTimeOffset> Instants(List<RecordedEvent> events, AuditClock clock)
    {
        var stamps = clock == AuditClock.Recorded
            ? events.Select(e => e.RecordedAt).ToList()
            : [.. events.Select(e => e.OccurredAt), .. new EffectiveOccurredTimes().InOccurredOrder(events).Select(e => e.EffectiveOccurredAt)];
        var microsecond = TimeSpan.FromTicks(10);
        return stamps.SelectMany(t => new[] { t - microsecond, t, t + microsecond })
            .Append(stamps.Min() - TimeSpan.FromSeconds(1))
            .Append(stamps.Max() + TimeSpan.FromSeconds(1))
            .Distinct()
            .Order();
    }

    private static void Disagree(List<string> disagreements, string view, AsOfQuery query, string expected, string actual)
    {
        if (expected != actual)
        {
            disagreements.Add($"{view} as of {query.At:O} ({query.Clock}):\n  full replay {expected}\n  snapshots   {actual}");
        }
    }

    private static string Text<TView>((IReadOnlyDictionary<string, TView> Views, int Applied) answer) =>
        JsonSerializer.Serialize(new { answer.Applied, Views = answer.Views.OrderBy(v => v.Key, StringComparer.Ordinal).ToList() }, Json);
}
