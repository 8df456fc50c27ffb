using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Serilog.Events;
using Serilog.Formatting;

namespace RaidCommand.Server.Hosting.Logging;

/// <summary>
/// Writes each event as one line of Compact Log Event Format (CLEF) JSON: @t, @mt, @l (omitted for Information),
/// @x, then the properties. Serilog.Formatting.Compact is not available from our package source.
/// </summary>
public sealed class CompactJsonFormatter : ITextFormatter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Log lines are read by log shippers, not browsers; HTML-safe escaping would only make them harder to read.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    private static readonly JsonEncodedText TimestampName = JsonEncodedText.Encode("@t");
    private static readonly JsonEncodedText MessageTemplateName = JsonEncodedText.Encode("@mt");
    private static readonly JsonEncodedText LevelName = JsonEncodedText.Encode("@l");
    private static readonly JsonEncodedText ExceptionName = JsonEncodedText.Encode("@x");

    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(output);

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString(TimestampName, logEvent.Timestamp.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            writer.WriteString(MessageTemplateName, logEvent.MessageTemplate.Text);
            if (logEvent.Level != LogEventLevel.Information)
            {
                writer.WriteString(LevelName, logEvent.Level.ToString());
            }

            if (logEvent.Exception is not null)
            {
                writer.WriteString(ExceptionName, logEvent.Exception.ToString());
            }

            foreach (var (name, value) in logEvent.Properties)
            {
                // CLEF reserves names starting with @; a property that starts with one is escaped by doubling it.
                writer.WritePropertyName(name.StartsWith('@') ? "@" + name : name);
                WriteValue(writer, value);
            }

            writer.WriteEndObject();
        }

        output.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Write('\n');
    }

    private static void WriteValue(Utf8JsonWriter writer, LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue scalar:
                WriteScalar(writer, scalar.Value);
                break;
            case SequenceValue sequence:
                writer.WriteStartArray();
                foreach (var element in sequence.Elements)
                {
                    WriteValue(writer, element);
                }

                writer.WriteEndArray();
                break;
            case StructureValue structure:
                writer.WriteStartObject();
                if (structure.TypeTag is not null)
                {
                    writer.WriteString("$type", structure.TypeTag);
                }

                foreach (var property in structure.Properties)
                {
                    writer.WritePropertyName(property.Name);
                    WriteValue(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case DictionaryValue dictionary:
                writer.WriteStartObject();
                foreach (var (key, element) in dictionary.Elements)
                {
                    writer.WritePropertyName(key.Value?.ToString() ?? "null");
                    WriteValue(writer, element);
                }

                writer.WriteEndObject();
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int or long or short or byte or sbyte or ushort or uint:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong unsigned:
                writer.WriteNumberValue(unsigned);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case double number when double.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            case float number when float.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            case DateTime moment:
                writer.WriteStringValue(moment.ToString("O", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset moment:
                writer.WriteStringValue(moment.ToString("O", CultureInfo.InvariantCulture));
                break;
            case IFormattable formattable:
                writer.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }
}
