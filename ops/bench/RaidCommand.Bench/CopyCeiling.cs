using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace RaidCommand.Bench;

/// <summary>Scenario 3's ceiling: the median rate at which raw binary COPY stores its rows, at a number of writers.</summary>
internal sealed record CeilingResult(int Writers, List<double> Rates)
{
    public double Median => ScenarioResult.Median(Rates);
}

/// <summary>
/// The fastest way PostgreSQL takes rows, binary <c>COPY</c>, storing scenario 3's batches (the same rows, payloads
/// and metadata) into a raw table of the events table's shape, one transaction per batch. It is not a baseline for
/// ours (an append needs the lock, the version check and the hash chain inside its one round trip, which COPY cannot
/// carry); it measures what this machine can store at all, so a target above it reads as a limit of the machine.
/// </summary>
internal static class CopyCeiling
{
    public static async Task<double> RunAsync(NpgsqlDataSource dataSource, string schema, int batches, int batchSize, int writers)
    {
        var perWriter = batches / writers;
        var events = (long)perWriter * writers * batchSize;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            long version = 0;
            for (var b = 0; b < perWriter; b++)
            {
                await CopyBatchAsync(dataSource, schema, $"raid-batch-{w}", version, (w * perWriter) + b, batchSize);
                version += batchSize;
            }
        })));

        return events / clock.Elapsed.TotalSeconds;
    }

    private static async Task CopyBatchAsync(NpgsqlDataSource dataSource, string schema, string streamId, long versionBefore, int batch, int size)
    {
        var metadata = Workload.Metadata($"cmd-batch-{batch}");
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var copy = await connection.BeginBinaryImportAsync($"""
            copy {schema}.events (stream_id, stream_version, event_id, event_type, schema_version, data,
                actor_id, actor_role, device_id, correlation_id, causation_id, command_id, occurred_at, previous_hash, hash)
            from stdin (format binary)
            """))
        {
            for (var i = 0; i < size; i++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(streamId, NpgsqlDbType.Text);
                await copy.WriteAsync(versionBefore + i + 1, NpgsqlDbType.Bigint);
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(Workload.TypeName, NpgsqlDbType.Text);
                await copy.WriteAsync(1, NpgsqlDbType.Integer);
                await copy.WriteAsync(JsonSerializer.Serialize(Workload.Arrest(((long)batch * size) + i), Workload.Json), NpgsqlDbType.Jsonb);
                await WriteTextAsync(copy, metadata.ActorId);
                await WriteTextAsync(copy, metadata.ActorRole);
                await WriteTextAsync(copy, metadata.DeviceId);
                await WriteTextAsync(copy, metadata.CorrelationId);
                await WriteTextAsync(copy, metadata.CausationId);
                await WriteTextAsync(copy, metadata.CommandId);
                await copy.WriteAsync(DateTime.UtcNow, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(Workload.FixedHash, NpgsqlDbType.Bytea);
                await copy.WriteAsync(Workload.FixedHash, NpgsqlDbType.Bytea);
            }

            await copy.CompleteAsync();
        }

        await transaction.CommitAsync();
    }

    private static async Task WriteTextAsync(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            await copy.WriteNullAsync();
        }
        else
        {
            await copy.WriteAsync(value, NpgsqlDbType.Text);
        }
    }
}
