using System.Globalization;

namespace RaidCommand.Bench;

/// <summary>Command-line settings and the event counts they imply.</summary>
internal sealed record BenchSettings
{
    public bool Quick { get; init; }
    public int Rounds { get; init; } = 5;
    public string? Output { get; init; }
    public HashSet<int> Only { get; init; } = [1, 2, 3, 4, 5];

    /// <summary>Extra connection-string options for both sides, e.g. "No Reset On Close=true" (not what the server uses).</summary>
    public string? ConnectionOptions { get; init; }

    /// <summary>
    /// Prepare the raw baseline's single-event inserts (scenarios 1 and 2) as the engine prepares its single-event append (a supplementary run:
    /// the baseline proper is plain unprepared Npgsql commands, what a hand-written insert does).
    /// </summary>
    public bool RawPrepared { get; init; }

    /// <summary>Overrides the engine's <c>EventStoreOptions.ConcurrentAppendWrites</c> (group commit; 0 turns it off), for an A/B run.</summary>
    public int? ConcurrentAppendWrites { get; init; }

    /// <summary>Run the auditor time-travel scenario instead of the engine scenarios.</summary>
    public bool TimeTravel { get; init; }

    public int SingleAppends => Quick ? 300 : 2_000;
    public int SingleStreams { get; init; } = 500;
    public int ConcurrentAppends => Quick ? 1_600 : 8_000;
    public int Writers { get; init; } = 16;
    public int Batches => Quick ? 50 : 200;
    public int BatchSize { get; init; } = 100;

    /// <summary>Concurrent writers of scenario 3, each appending its batches to a stream of its own.</summary>
    public int BatchWriters { get; init; } = 1;
    public int FeedEvents => Quick ? 20_000 : 200_000;
    public int PageSize { get; init; } = 5_000;
    public int LoadBatchSize { get; init; } = 1_000;
    public int LoadStreams { get; init; } = 500;

    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings();
        var roundsGiven = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    settings = settings with { Quick = true };
                    break;
                case "--rounds":
                    settings = settings with { Rounds = int.Parse(Value(args, ++i), CultureInfo.InvariantCulture) };
                    roundsGiven = true;
                    break;
                case "--raw-prepared":
                    settings = settings with { RawPrepared = true };
                    break;
                case "--time-travel":
                    settings = settings with { TimeTravel = true };
                    break;
                case "--output":
                    settings = settings with { Output = Value(args, ++i) };
                    break;
                case "--connection-options":
                    settings = settings with { ConnectionOptions = Value(args, ++i) };
                    break;
                case "--writers":
                    settings = settings with { Writers = int.Parse(Value(args, ++i), CultureInfo.InvariantCulture) };
                    break;
                case "--batch-writers":
                    settings = settings with { BatchWriters = int.Parse(Value(args, ++i), CultureInfo.InvariantCulture) };
                    break;
                case "--append-writes":
                    settings = settings with { ConcurrentAppendWrites = int.Parse(Value(args, ++i), CultureInfo.InvariantCulture) };
                    break;
                case "--only":
                    settings = settings with { Only = Value(args, ++i).Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToHashSet() };
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: [--quick] [--rounds N] [--output FILE] [--only 1,2,3,4,5] [--raw-prepared] [--writers N] [--batch-writers N] [--append-writes N] [--connection-options \"Key=Value;...\"]");
            }
        }

        if (settings.Quick && !roundsGiven)
        {
            settings = settings with { Rounds = 2 };
        }

        return settings.Rounds >= 1 ? settings : throw new ArgumentException("--rounds must be at least 1.");
    }

    private static string Value(string[] args, int i) =>
        i < args.Length ? args[i] : throw new ArgumentException($"'{args[i - 1]}' needs a value.");
}
