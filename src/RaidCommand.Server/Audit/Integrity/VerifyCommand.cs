using Npgsql;
using RaidCommand.EventStore;
using RaidCommand.EventStore.Integrity;

namespace RaidCommand.Server.Audit.Integrity;

/// <summary>
/// <c>RaidCommand.Server verify --connection "&lt;Npgsql connection string&gt;" [--schema eventstore]</c>: checks every hash
/// chain without starting the server. Exit code 0 when intact, 1 at the first broken link (printed), 2 on bad usage.
/// </summary>
public static class VerifyCommand
{
    public const string Name = "verify";

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        var connection = Option(arguments, "--connection") ?? Environment.GetEnvironmentVariable("ConnectionStrings__RaidCommand");
        if (string.IsNullOrWhiteSpace(connection))
        {
            await output.WriteLineAsync("usage: RaidCommand.Server verify --connection \"Host=…;Database=…;Username=…;Password=…\" [--schema eventstore]");
            return 2;
        }

        var options = new EventStoreOptions();
        if (Option(arguments, "--schema") is { } schema)
        {
            options.Schema = schema;
        }

        await using var dataSource = NpgsqlDataSource.Create(connection);
        var result = await new ChainVerifier(dataSource, options).VerifyAllAsync();
        if (result.IsIntact)
        {
            await output.WriteLineAsync($"intact: {result.EventsChecked} events in {result.StreamsChecked} streams");
            return 0;
        }

        var broken = result.FirstBrokenLink!;
        await output.WriteLineAsync($"BROKEN: stream {broken.StreamId} version {broken.StreamVersion} position {broken.GlobalPosition}: {broken.Reason}");
        return 1;
    }

    private static string? Option(IReadOnlyList<string> arguments, string name)
    {
        for (var i = 0; i < arguments.Count - 1; i++)
        {
            if (arguments[i] == name)
            {
                return arguments[i + 1];
            }
        }

        return null;
    }
}
