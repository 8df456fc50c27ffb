using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace RaidCommand.Server.Security.PersonalData;

/// <summary>
/// The personal fields that only those with a need see in full: identity document numbers and bank account numbers.
/// Recognised by JSON name wherever they appear (read models, event payloads), so a new view that carries one is
/// masked without anyone remembering to.
/// </summary>
public static class PersonalDataFields
{
    public static readonly FrozenSet<string> JsonNames = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "identityDocumentNumber", "accountNumber");

    private const int VisibleTail = 4;

    /// <summary>Keeps the last four characters (enough to tell two cards apart at a desk), hides the rest.</summary>
    public static string Mask(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= VisibleTail * 2 ? new string('*', value.Length) : new string('*', value.Length - VisibleTail) + value[^VisibleTail..];
    }

    /// <summary>Masks every personal field in a JSON tree, in place (event payloads pushed or exported to callers without need).</summary>
    public static void MaskIn(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (JsonNames.Contains(name) && child is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        obj[name] = Mask(text);
                    }
                    else
                    {
                        MaskIn(child);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    MaskIn(item);
                }

                break;
        }
    }
}
