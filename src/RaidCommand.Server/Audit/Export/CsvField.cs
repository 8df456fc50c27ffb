namespace RaidCommand.Server.Audit.Export;

/// <summary>RFC 4180 quoting: a field with a comma, quote or line break is quoted, and its quotes doubled.</summary>
public static class CsvField
{
    public static string Of(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
