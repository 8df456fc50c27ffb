using System.Globalization;
using Npgsql;
using RaidCommand.EventStore;
using RaidCommand.Server.ReadModels;

namespace RaidCommand.Server.Audit.AsOf;

/// <summary>Where a stored snapshot stands: how many of the operation's events it folds, the last of them, and its instant.</summary>
/// <param name="Position">The feed position of the last event folded in (recorded clock: every operation event up to it is in).</param>
/// <param name="Instant">Recorded clock: the latest recorded time among the events folded in. Occurred clock: the cut, every
/// event whose effective occurred time is by it (and that was committed at the projection's checkpoint) is in, no other.</param>
public sealed record AsOfSnapshotHead(long EventCount, FeedPosition Position, DateTimeOffset Instant);

/// <summary>
/// What a query starts from: the snapshot projection's checkpoint, the nearest usable snapshot (none: start from the
/// operation's first event) and, on the recorded clock, the position of the snapshot after it.
/// </summary>
public sealed record AsOfStart(FeedPosition Checkpoint, AsOfSnapshotHead? Snapshot, byte[]? State, FeedPosition? Next);

/// <summary>
/// The snapshots table: folded states of an operation's views, by view, clock, fold version and event count. Derived
/// data, written only by <see cref="AsOfSnapshotProjection"/> in its checkpoint transaction and cleared by its rebuild.
/// The projection's side is static: it cannot depend on the store's options, which are built from the projections;
/// the query side reads the projection's checkpoint from the store's schema.
/// </summary>
public sealed class AsOfSnapshots(EventStoreOptions options)
{
    public const string Table = ReadModelStore.Schema + ".asof_snapshots";

    public static string CreateTableSql => $"""
        create table if not exists {Table} (
            view_name       text not null,
            operation_id    uuid not null,
            clock           text not null,
            fold_version    text not null,
            event_count     bigint not null,
            transaction_id  xid8 not null,
            global_position bigint not null,
            instant         timestamptz not null,
            state           bytea not null,
            created_at      timestamptz not null default now(),
            primary key (view_name, operation_id, clock, fold_version, event_count));
        """;

    public static string ClockName(AuditClock clock) => clock.ToString().ToLowerInvariant();

    /// <summary>
    /// Holds off a rebuild for the rest of the caller's transaction; call it first in a repeatable-read transaction. A
    /// rebuild truncates, and a truncate is not MVCC-safe: a database snapshot taken before it would see the new, empty
    /// tables beside the old checkpoint. A repeatable-read transaction takes its snapshot at its first query, and
    /// <c>LOCK</c> is not one, so the truncate either committed before (the reset checkpoint is seen) or waits.
    /// </summary>
    public static async Task LockAgainstRebuildAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"lock table {Table}, {EventClockIndex.ClocksTable}, {EventClockIndex.OperationsTable} in access share mode", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The projection's checkpoint and the latest snapshot at or before <paramref name="at"/> (and strictly before
    /// <paramref name="before"/> if given), in one read. Null when the projection is not running cleanly (never
    /// started, or it dead-lettered an event, so its snapshots may lack one): then only a full replay is right.
    /// </summary>
    public async Task<AsOfStart?> ChooseAsync(
        NpgsqlConnection connection, AsOfFold fold, Guid operationId, AuditClock clock, DateTimeOffset at, DateTimeOffset? before, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fold);
        var sql = new SqlArguments();
        var chain = $"view_name = {sql.Add(fold.View)} and operation_id = {sql.Add(operationId)} and clock = {sql.Add(ClockName(clock))} and fold_version = {sql.Add(fold.Version)}";
        var bound = before is { } limit ? $" and instant < {sql.Add(limit)}" : string.Empty;
        await using var command = sql.Command($"""
            select p.last_transaction_id::text, p.last_position,
                   s.event_count, s.transaction_id::text, s.global_position, s.instant, s.state,
                   n.transaction_id::text, n.global_position
              from {options.Schema}.projections p
              left join lateral (
                   select event_count, transaction_id, global_position, instant, state from {Table}
                    where {chain} and instant <= {sql.Add(at)}{bound}
                    order by event_count desc limit 1) s on true
              left join lateral (
                   select transaction_id, global_position from {Table}
                    where {chain} and event_count > coalesce(s.event_count, 0)
                    order by event_count limit 1) n on true
             where p.name = {sql.Add(AsOfSnapshotProjection.ProjectionName)} and p.status = 'running'
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var checkpoint = Position(reader, 0);
        var snapshot = reader.IsDBNull(2) ? null : new AsOfSnapshotHead(reader.GetInt64(2), Position(reader, 3), reader.GetFieldValue<DateTimeOffset>(5));
        return new AsOfStart(checkpoint, snapshot, snapshot is null ? null : reader.GetFieldValue<byte[]>(6), reader.IsDBNull(7) ? null : Position(reader, 7));
    }

    /// <summary>
    /// The newest snapshot of each view and clock of the given operations, in the current fold versions, as
    /// <see cref="DropOccurredFrom"/> with <paramref name="occurredDroppedFrom"/> will leave them.
    /// </summary>
    public static async Task<Dictionary<(string View, Guid OperationId, AuditClock Clock), AsOfSnapshotHead>> HeadsAsync(
        NpgsqlConnection connection, Guid[] operationIds, IReadOnlyList<AsOfFold> folds, IReadOnlyDictionary<Guid, DateTimeOffset> occurredDroppedFrom,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folds);
        ArgumentNullException.ThrowIfNull(occurredDroppedFrom);
        var sql = new SqlArguments();
        await using var command = sql.Command($"""
            select distinct on (s.view_name, s.operation_id, s.clock) s.view_name, s.operation_id, s.clock, s.event_count, s.transaction_id::text, s.global_position, s.instant
              from {Table} s
              join unnest({sql.Add(folds.Select(f => f.View).ToArray())}::text[], {sql.Add(folds.Select(f => f.Version).ToArray())}::text[]) as f(view_name, fold_version)
                on f.view_name = s.view_name and f.fold_version = s.fold_version
             where s.operation_id = any({sql.Add(operationIds)})
               and not exists (
                   select from unnest({sql.Add(occurredDroppedFrom.Keys.ToArray())}::uuid[],
                                      {sql.Add(occurredDroppedFrom.Values.Select(v => v.ToUniversalTime()).ToArray())}::timestamptz[]) as d(operation_id, occurred_at)
                    where d.operation_id = s.operation_id and s.clock = {sql.Add(ClockName(AuditClock.Occurred))} and s.instant >= d.occurred_at)
             order by s.view_name, s.operation_id, s.clock, s.event_count desc
            """, connection);
        var heads = new Dictionary<(string, Guid, AuditClock), AsOfSnapshotHead>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var clock = Enum.Parse<AuditClock>(reader.GetString(2), ignoreCase: true);
            heads[(reader.GetString(0), reader.GetGuid(1), clock)] = new AsOfSnapshotHead(reader.GetInt64(3), Position(reader, 4), reader.GetFieldValue<DateTimeOffset>(6));
        }

        return heads;
    }

    public static async Task<byte[]> LoadStateAsync(
        NpgsqlConnection connection, AsOfFold fold, Guid operationId, AuditClock clock, long eventCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fold);
        var sql = new SqlArguments();
        await using var command = sql.Command($"""
            select state from {Table}
             where view_name = {sql.Add(fold.View)} and operation_id = {sql.Add(operationId)} and clock = {sql.Add(ClockName(clock))}
               and fold_version = {sql.Add(fold.Version)} and event_count = {sql.Add(eventCount)}
            """, connection);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[]
            ?? throw new InvalidOperationException($"The {fold.View} snapshot of operation {operationId} at {eventCount} events is gone.");
    }

    /// <summary>Stores new snapshots of one view and clock, and drops that view's snapshots of other fold versions.</summary>
    public static void Save(ProjectionPage page, AsOfFold fold, Guid operationId, AuditClock clock, IReadOnlyList<(AsOfSnapshotHead Head, byte[] State)> snapshots)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(fold);
        ArgumentNullException.ThrowIfNull(snapshots);
        var insert = new SqlArguments();
        var (view, operation, version) = (insert.Add(fold.View), insert.Add(operationId), insert.Add(fold.Version));
        var insertSql = $"""
            insert into {Table} (view_name, operation_id, clock, fold_version, event_count, transaction_id, global_position, instant, state)
            select {view}, {operation}, {insert.Add(ClockName(clock))}, {version}, c, t::xid8, p, i, s
              from unnest({insert.Add(snapshots.Select(s => s.Head.EventCount).ToArray())}::bigint[],
                          {insert.Add(snapshots.Select(s => s.Head.Position.TransactionId.ToString(CultureInfo.InvariantCulture)).ToArray())}::text[],
                          {insert.Add(snapshots.Select(s => s.Head.Position.GlobalPosition).ToArray())}::bigint[],
                          {insert.Add(snapshots.Select(s => s.Head.Instant.ToUniversalTime()).ToArray())}::timestamptz[],
                          {insert.AddBinaryArray([.. snapshots.Select(s => s.State)])}::bytea[]) as u(c, t, p, i, s)
            """;
        var others = new SqlArguments();
        var othersSql = $"delete from {Table} where view_name = {others.Add(fold.View)} and operation_id = {others.Add(operationId)} and fold_version <> {others.Add(fold.Version)}";
        page.Write(insert.BatchCommand(insertSql));
        page.Write(others.BatchCommand(othersSql));
    }

    /// <summary>
    /// Drops each operation's occurred-clock snapshots whose instant is at or after the earliest effective occurred time of
    /// its new events: those events belong before such a snapshot's cut, so the snapshot no longer folds everything it
    /// claims to. Effective times only, never stated ones: a snapshot is cut by effective time, and a new event never
    /// moves the effective time of an event indexed before it.
    /// </summary>
    public static void DropOccurredFrom(ProjectionPage page, IReadOnlyDictionary<Guid, DateTimeOffset> earliestOccurred)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(earliestOccurred);
        var sql = new SqlArguments();
        page.Write(sql.BatchCommand($"""
            delete from {Table} s
             using unnest({sql.Add(earliestOccurred.Keys.ToArray())}::uuid[], {sql.Add(earliestOccurred.Values.Select(v => v.ToUniversalTime()).ToArray())}::timestamptz[]) as e(operation_id, occurred_at)
             where s.operation_id = e.operation_id and s.clock = {sql.Add(ClockName(AuditClock.Occurred))} and s.instant >= e.occurred_at
            """));
    }

    /// <summary>The fold versions of the stored snapshots, to tell whether the running code can use them.</summary>
    public static async Task<IReadOnlyList<(string View, string Version)>> StoredVersionsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand($"select distinct view_name, fold_version from {Table}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new List<(string, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add((reader.GetString(0), reader.GetString(1)));
        }

        return versions;
    }

    public static async Task ResetAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"truncate {Table}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static FeedPosition Position(NpgsqlDataReader reader, int ordinal) =>
        new(ulong.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture), reader.GetInt64(ordinal + 1));
}
