using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginApis.Http.Json;

/// <summary>
/// A guessed text field or id: a string as sent, or a number as its text (<c>1</c> → <c>"1"</c>, <c>8.30</c> → <c>"8.30"</c>).
/// <c>null</c>, <c>false</c> and an empty or blank string read as null; <c>true</c>, an object or an array fail.
/// </summary>
internal sealed class TolerantTextConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonScalars.ReadWireText(in reader, "text or a number");

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
