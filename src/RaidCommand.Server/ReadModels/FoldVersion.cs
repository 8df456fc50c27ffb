using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace RaidCommand.Server.ReadModels;

/// <summary>
/// The version stamped on every read-model table and as-of snapshot: the fold's declared revision and a hash of the view type's shape
/// (every public property, recursively, with its type; enums with their members). A renamed, added, removed or
/// retyped field changes it on its own; a change in what the fold computes for the same shape needs the revision
/// bumped (<see cref="DocumentProjection{TView}.FoldRevision"/>). Tables of another version are rebuilt at start; snapshots of
/// another version are ignored and rebuilt.
/// </summary>
public static class FoldVersion
{
    public static string Of(Type viewType, int revision)
    {
        ArgumentNullException.ThrowIfNull(viewType);
        var shape = new StringBuilder();
        Describe(viewType, shape, []);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(shape.ToString())));
        return $"r{revision}-{hash[..16]}";
    }

    private static void Describe(Type type, StringBuilder shape, HashSet<Type> described)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            shape.Append('?');
            Describe(underlying, shape, described);
            return;
        }

        if (type.IsEnum)
        {
            shape.Append(type.FullName).Append('{');
            foreach (var name in Enum.GetNames(type))
            {
                shape.Append(name).Append('=').Append(Convert.ToInt64(Enum.Parse(type, name), System.Globalization.CultureInfo.InvariantCulture)).Append(';');
            }

            shape.Append('}');
            return;
        }

        if (type.IsGenericType)
        {
            shape.Append(type.GetGenericTypeDefinition().FullName).Append('<');
            foreach (var argument in type.GetGenericArguments())
            {
                Describe(argument, shape, described);
                shape.Append(',');
            }

            shape.Append('>');
            return;
        }

        // System types (Guid, DateTimeOffset, decimal, string, ...) are leaves; a type met before is named, not expanded again.
        shape.Append(type.FullName);
        if (type.Namespace == "System" || !described.Add(type))
        {
            return;
        }

        shape.Append('{');
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            shape.Append(property.Name).Append(':');
            Describe(property.PropertyType, shape, described);
            shape.Append(';');
        }

        shape.Append('}');
    }
}
