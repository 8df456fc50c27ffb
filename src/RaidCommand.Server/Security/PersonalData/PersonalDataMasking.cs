using System.Text.Json.Serialization.Metadata;

namespace RaidCommand.Server.Security.PersonalData;

/// <summary>A System.Text.Json contract modifier: string properties named as personal are masked unless the request reveals them.</summary>
public static class PersonalDataMasking
{
    public static void Modify(JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        foreach (var property in typeInfo.Properties)
        {
            if (property.PropertyType == typeof(string) && PersonalDataFields.JsonNames.Contains(property.Name) && property.Get is { } get)
            {
                property.Get = owner => !PersonalDataScope.IsRevealed && get(owner) is string value ? PersonalDataFields.Mask(value) : get(owner);
            }
        }
    }
}
