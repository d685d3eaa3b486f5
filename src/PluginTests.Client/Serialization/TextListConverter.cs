using System.Text.Json;
using System.Text.Json.Serialization;
using PluginApis.Http.Json;

namespace PluginTests.Client;

/// <summary>
/// A guessed list of text values: an array of strings and/or numbers (numbers kept as their text; null, false and empty
/// entries skipped). <c>null</c> and <c>false</c> read as an empty list. A non-array, or an entry that is an object, an
/// array or <c>true</c>, fails.
/// </summary>
internal sealed class TextListConverter : JsonConverter<IReadOnlyList<string>>
{
    public override bool HandleNull => true;

    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var items = new List<string>();
        if (JsonScalars.IsNone(ref reader))
        {
            return items;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw JsonScalars.Unreadable("a list of text values", ref reader);
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (JsonScalars.ReadWireText(in reader, "text or a number") is { } text)
            {
                items.Add(text);
            }
        }

        return items;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var item in value)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }
}
