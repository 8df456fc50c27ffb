using System.Globalization;
using System.Text.Json;
using RaidCommand.Server.Tests.Api;

namespace RaidCommand.Server.Tests.Audit;

/// <summary>
/// A read model and its as-of view as clients ask for them: <c>{path}?after=</c> for the live read model,
/// <c>{path}/as-of?at=&amp;clock=</c> for the view at an instant (path: an operation's board or custody register, or a person).
/// </summary>
public static class AsOfReads
{
    /// <summary>The store's precision: the instant just before or after a stored one.</summary>
    public static readonly TimeSpan Microsecond = TimeSpan.FromTicks(10);

    /// <summary>The as-of answer's view (null JSON when there was nothing yet).</summary>
    public static async Task<JsonElement> AsOfAsync(this ApiClient client, string path, DateTimeOffset at, string clock)
    {
        ArgumentNullException.ThrowIfNull(client);
        return (await client.GetJsonAsync($"{path}/as-of?at={Escape(at)}&clock={clock}")).GetProperty("view");
    }

    /// <summary>The live read model once it reflects the command at <paramref name="position"/>.</summary>
    public static Task<JsonElement> LiveAsync(this ApiClient client, string path, string position)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.GetJsonAsync($"{path}?after={position}");
    }

    public static string Escape(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>The JSON text without formatting differences, to compare two answers exactly.</summary>
    public static string Normalized(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);

    public static string Normalized(JsonElement json) => Normalized(json.GetRawText());
}
